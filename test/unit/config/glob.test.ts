import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globProblem, matchGlob } from '../../../server/src/engine/config/glob';

describe('exclude globs', () => {
  const cases: [pattern: string, path: string, matches: boolean][] = [
    ['*.generated.tf', 'main.generated.tf', true],
    ['*.generated.tf', 'modules/net/vpc.generated.tf', true],
    ['*.generated.tf', 'main.tf', false],
    ['vendor/**', 'vendor/a/Dockerfile', true],
    ['vendor/**', 'src/vendor/Dockerfile', false],
    ['vendor/', 'vendor/x.yaml', true],
    ['vendor', 'src/vendor/x.yaml', true],
    ['**/charts/**', 'charts/app/values.yaml', true],
    ['**/charts/**', 'deploy/charts/app/values.yaml', true],
    ['/deploy/*.yaml', 'deploy/app.yaml', true],
    ['/deploy/*.yaml', 'other/deploy/app.yaml', false],
    ['./deploy/*.yaml', 'deploy/app.yaml', true],
    ['deploy/*.yaml', 'deploy/sub/app.yaml', false],
    ['k8s/*/secret?.yaml', 'k8s/prod/secret1.yaml', true],
    ['k8s/*/secret?.yaml', 'k8s/prod/secret12.yaml', false],
    ['*.{yaml,yml}', 'a/b.yml', true],
    ['*.{yaml,yml}', 'a/b.json', false],
    ['Dockerfile.[!p]*', 'Dockerfile.dev', true],
    ['Dockerfile.[!p]*', 'Dockerfile.prod', false],
    ['a.b', 'axb', false],
    ['test/**/fixtures', 'test/unit/x/fixtures/bad.tf', true],
  ];
  for (const [pattern, path, matches] of cases) {
    it(`${pattern} ${matches ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(matchGlob(pattern, path), matches);
    });
  }

  it('rejects patterns it cannot honour, with a reason in both languages', () => {
    assert.equal(globProblem('vendor/**'), undefined);
    for (const bad of ['', '  ', '!keep.yaml', 'a[bc', 'a{b,c']) {
      const problem = globProblem(bad);
      assert.ok(problem?.en && problem.ja, `"${bad}" should be rejected`);
    }
  });
});
