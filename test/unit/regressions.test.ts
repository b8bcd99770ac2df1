import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInput } from './fuzz/fuzzer';
import { parseTerraformFile } from '../../server/src/engine/terraform/parse';
import { testEngine } from '../helpers/engine';

/**
 * Inputs the fuzzer (test/unit/fuzz) once broke the engine with, minimised by hand. Each must now lint and fix
 * without an exception, within the time budget, with every range inside the document.
 */
async function assertSurvives(path: string, text: string): Promise<void> {
  const engine = await testEngine();
  const { problems } = checkInput(engine, { path, text });
  assert.deepEqual(problems, []);
}

describe('fuzzer regressions', () => {
  it('deeply nested command substitutions in RUN (stack overflow in the shell splitter)', async () => {
    await assertSurvives('/regressions/Dockerfile', `FROM alpine:3.20\nRUN ${'$('.repeat(5_000)}true${')'.repeat(5_000)}\n`);
    await assertSurvives('/regressions/Dockerfile', `FROM alpine:3.20\nRUN echo "${'`echo \\'.repeat(2_000)}"\n`);
  });
});

describe('fuzzer regressions: Terraform nesting', () => {
  const deepInputs: Record<string, string> = {
    'a chain of thousands of binary operators': `locals {\n  x = ${'a + '.repeat(3_000)}1\n}\n`,
    'objects nested a thousand deep': `locals {\n  x = ${'{a = '.repeat(1_200)}1${'}'.repeat(1_200)}\n}\n`,
    'dynamic blocks nested a thousand deep': `resource "aws_security_group" "x" {\n${'dynamic "ingress" {\ncontent {\n'.repeat(1_200)}${'}\n}\n'.repeat(1_200)}}\n`,
  };
  for (const [name, deep] of Object.entries(deepInputs)) {
    it(`${name}: the block is left out with a notice, the rest of the file is checked (stack overflow in the HCL walkers)`, async () => {
      const open = 'resource "aws_security_group" "open" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
      const text = `${open}${deep}`;
      await assertSurvives('/regressions/main.tf', text);
      const result = (await testEngine()).lint({ path: '/regressions/main.tf', text });
      assert.deepEqual(result.notices.map((notice) => [notice.code, notice.range.start.line]), [['infracoach/not-analysed', open.split('\n').length - 1]]);
      assert.ok(result.findings.some((finding) => finding.ruleId === 'terraform/open-security-group'));
    });
  }
});

describe('fuzzer regressions: Terraform error recovery', () => {
  it('a long line pasted inside an unclosed block: recovery finishes instead of running into the parse deadline', async () => {
    await testEngine();
    const text = `resource "azurerm_resource_group" "example" {\n  name = "rg"\n  tags = {\n    team = "infra"\nlocals {\n  long = "${'a'.repeat(100_000)}"\n}\n    owner = "me"\n  }\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n`;
    const started = performance.now();
    const file = parseTerraformFile('/regressions/main.tf', text);
    const ms = performance.now() - started;
    try {
      assert.equal(file.hasSyntaxErrors, true);
      // Abandoned recovery keeps the first, broken tree; finished recovery blanks the broken blocks.
      assert.equal(file.tree?.rootNode.hasError, false, 'the broken blocks were blanked and the rest parsed again');
      assert.deepEqual(file.blocks.map((block) => block.labels.join('.')), ['aws_s3_bucket.b']);
      assert.ok(ms < 1_500, `took ${Math.round(ms)} ms`);
    } finally {
      file.tree?.delete();
    }
  });
});

describe('programs named like Object members', () => {
  it('a RUN of `constructor`, `toString` or `__proto__` is an ordinary command', async () => {
    const { lint } = await import('../helpers/engine');
    const findings = await lint('/w/Dockerfile', 'FROM alpine:3.20\nRUN constructor install x && toString add y && __proto__ z | hasOwnProperty\nUSER 1000\n');
    assert.ok(Array.isArray(findings));
  });
});

describe('names that are Object members', () => {
  it('kinds, apiVersions and resource types named `constructor`, `toString`, `__proto__` are just unknown names', async () => {
    const { lint } = await import('../helpers/engine');
    const yaml = 'apiVersion: v1\nkind: constructor\nmetadata: {name: x}\n---\napiVersion: extensions/v1beta1\nkind: toString\n---\napiVersion: toString\nkind: __proto__\n';
    assert.deepEqual((await lint('/w/objects.yaml', yaml)).map((finding) => finding.ruleId).filter((id) => id !== 'kubernetes/deprecated-api'), []);
    const terraform = 'resource "constructor" "x" {}\nresource "toString" "y" {}\ndata "__proto__" "z" {}\n';
    assert.deepEqual(await lint('/w/objects.tf', terraform), []);
  });
});

describe('Terraform string escapes', () => {
  it('a \\U escape past the last code point is kept as text, not a crash', async () => {
    const { decodeQuoted } = await import('../../server/src/engine/terraform/strings');
    assert.equal(decodeQuoted('a\\UFFFFFFFFb', 0).text, 'a\\UFFFFFFFFb');
    assert.equal(decodeQuoted('\\U0001F600$${x}%%{y}', 0).text, '😀${x}%{y}');
  });
});
