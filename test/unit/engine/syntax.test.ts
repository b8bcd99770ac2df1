import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testEngine } from '../../helpers/engine';

async function problem(path: string, text: string, locale: 'en' | 'ja' = 'en') {
  const engine = await testEngine();
  return engine.lint({ path, text }, { locale }).syntaxProblem;
}

describe('syntax problems', () => {
  it('points at the first YAML error and still checks the rest', async () => {
    const engine = await testEngine();
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n';
    const result = engine.lint({ path: '/w/pod.yaml', text });
    // The YAML parser notices the unclosed flow mapping where the next key starts.
    assert.equal(result.syntaxProblem?.range.start.line, 3);
    assert.match(result.syntaxProblem!.message, /^Syntax error at line 4 \(BAD_INDENT\)/);
    assert.ok(result.findings.some((finding) => finding.ruleId === 'kubernetes/missing-resource-limits'));
  });

  it('points at the first Terraform error, in Japanese too', async () => {
    const text = 'resource "aws_s3_bucket" "ok" {\n  bucket = "a"\n}\n\nresource "aws_instance" "broken" {\n  ami = \n';
    const english = await problem('/w/main.tf', text);
    assert.ok(english && english.range.start.line >= 4, `line ${english?.range.start.line}`);
    const japanese = await problem('/w/main.tf', text, 'ja');
    assert.match(japanese!.message, /構文エラー/);
  });

  it('says nothing for files that parse, and Dockerfiles always parse', async () => {
    assert.equal(await problem('/w/main.tf', 'variable "x" {}\n'), undefined);
    assert.equal(await problem('/w/a.yaml', 'a: 1\n'), undefined);
    assert.equal(await problem('/w/Dockerfile', 'FROM\n'), undefined);
  });
});
