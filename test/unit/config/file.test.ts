import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigText } from '../../../server/src/engine/config/file';
import { FAKE_RULES } from './fake-rules';

function at(problem: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string {
  const { start, end } = problem.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

describe('.infracoach.yaml parsing and validation', () => {
  it('reads rules in every shape, exclude and suppressions', () => {
    const { layer, problems } = parseConfigText([
      'rules:',
      '  dockerfile/root-user: off',
      '  kubernetes/missing-resource-limits:',
      '    severity: error',
      '    options:',
      '      requireCpuLimit: true',
      '  terraform/missing-tags: { options: { requiredTags: [owner, team], minimum: 2 } }',
      'exclude:',
      '  - vendor/**',
      'suppressions:',
      '  requireReason: true',
      '',
    ].join('\n'), FAKE_RULES);
    assert.deepEqual(problems, []);
    assert.deepEqual(layer, {
      rules: {
        'dockerfile/root-user': 'off',
        'kubernetes/missing-resource-limits': { severity: 'error', options: { requireCpuLimit: true } },
        'terraform/missing-tags': { options: { requiredTags: ['owner', 'team'], minimum: 2 } },
      },
      exclude: ['vendor/**'],
      suppressions: { requireReason: true },
    });
  });

  it('an empty or comment-only file is the defaults, without problems', () => {
    for (const text of ['', '# nothing yet\n']) {
      const { layer, problems } = parseConfigText(text, FAKE_RULES);
      assert.deepEqual(problems, []);
      assert.deepEqual(layer, { rules: {}, exclude: [], suppressions: {} });
    }
  });

  it('accepts false for off (YAML 1.1 habit) and a single exclude string', () => {
    const { layer, problems } = parseConfigText('rules:\n  dockerfile/root-user: false\nexclude: "*.generated.tf"\n', FAKE_RULES);
    assert.deepEqual(problems, []);
    assert.equal(layer.rules['dockerfile/root-user'], 'off');
    assert.deepEqual(layer.exclude, ['*.generated.tf']);
  });

  it('puts each problem on the offending key or value and keeps the valid rest', () => {
    const { layer, problems } = parseConfigText([
      'rules:',
      '  dockerfile/rot-user: off',
      '  kubernetes/missing-resource-limits:',
      '    severity: loud',
      '    options:',
      '      requireCpuLimit: "yes"',
      '      requireMemory: true',
      '  terraform/missing-tags: warning',
      'exclude: ["!keep.yaml", "ok/**"]',
      'suppressions: { requireReason: 1, explain: true }',
      'colour: red',
      '',
    ].join('\n'), FAKE_RULES);
    assert.deepEqual(problems.map((problem) => [at(problem), problem.message.en]), [
      ['1:2-1:21', 'There is no rule "dockerfile/rot-user". Did you mean "dockerfile/root-user"?'],
      ['3:14-3:18', 'kubernetes/missing-resource-limits takes "off", "error", "warning", "info", "hint" or { severity, options }, not "loud".'],
      ['5:23-5:28', 'Option "requireCpuLimit" of kubernetes/missing-resource-limits takes a boolean, not "yes".'],
      ['6:6-6:19', 'kubernetes/missing-resource-limits has no option "requireMemory"; its options are requireCpuLimit.'],
      ['8:10-8:22', 'Exclude pattern skipped: negated patterns ("!…") are not supported; list only what to exclude.'],
      ['9:31-9:32', '"requireReason" takes true or false, not 1.'],
      ['9:34-9:41', 'Unknown key "explain" in "suppressions"; use requireReason or reportUnused.'],
      ['10:0-10:6', 'Unknown key "colour". Use "rules", "exclude", "suppressions".'],
    ]);
    for (const problem of problems) assert.ok(problem.message.ja.length > 0, 'every problem has a Japanese message');
    assert.deepEqual(layer.rules, { 'kubernetes/missing-resource-limits': { options: {} }, 'terraform/missing-tags': 'warning' });
    assert.deepEqual(layer.exclude, ['ok/**']);
  });

  it('a YAML syntax error is one problem at the error, and the defaults apply', () => {
    const { layer, problems } = parseConfigText('rules:\n  dockerfile/root-user: off\n   bad: [\n', FAKE_RULES);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message.en, /not valid YAML/);
    assert.ok(problems[0].range.start.line >= 1, 'placed at the error, not at the top');
    assert.deepEqual(layer.rules, {});
  });

  it('a top level that is not a mapping is reported once', () => {
    const { problems } = parseConfigText('- rules\n', FAKE_RULES);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message.en, /must be a mapping/);
  });

  it('an alias bomb is refused instead of expanded', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const { layer, problems } = parseConfigText(lines.join('\n') + '\n', FAKE_RULES);
    assert.equal(problems.length, 1);
    assert.deepEqual(layer.rules, {});
  });
});
