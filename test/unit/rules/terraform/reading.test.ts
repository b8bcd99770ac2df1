import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTerraform } from '../../../../server/src/engine/terraform/parse';
import { literalStringValue } from '../../../../server/src/engine/terraform/strings';
import { evaluate } from '../../../../server/src/engine/terraform/values';
import { parseJsonWithPositions } from '../../../../server/src/engine/terraform/json-positions';
import { lint, rangeText, testEngine } from '../../../helpers/engine';

const publicDatabase = (name: string) => `resource "aws_db_instance" "${name}" {\n  publicly_accessible = true\n}\n`;

describe('reading Terraform like Terraform', () => {
  it('checks complete blocks above and below a broken one', async () => {
    const text = `${publicDatabase('above')}\nresource "aws_db_instance" "broken" {\n  publicly_accessible = \n  engine = "x\n}\n\n${publicDatabase('below')}`;
    const findings = (await lint('/work/main.tf', text)).filter((finding) => finding.ruleId === 'terraform/public-database');
    assert.deepEqual(findings.map(rangeText), ['1:24-1:28', '10:24-10:28']);
  });

  it('checks the blocks before a half-typed one at the end of the file', async () => {
    const text = `${publicDatabase('done')}\nresource "aws_db_instance" "typing" {\n  publicly_acc`;
    const findings = (await lint('/work/main.tf', text)).filter((finding) => finding.ruleId === 'terraform/public-database');
    assert.deepEqual(findings.map(rangeText), ['1:24-1:28']);
  });

  it('never crashes on garbage', async () => {
    for (const text of ['}}}{{{', 'resource', 'resource "a" "b" {', '"unterminated', '<<EOF\nx', 'locals {\n  a = [1, 2,\n}\n', '\u0000\uffff']) {
      await lint('/work/main.tf', text);
    }
  });

  it('marks the document as having syntax errors but keeps the good blocks', async () => {
    await testEngine();
    const document = parseTerraform('/work/main.tf', `${publicDatabase('a')}\nresource "x" "y" {\n  = broken\n}\n`);
    try {
      assert.equal(document.hasSyntaxErrors, true);
      assert.deepEqual(document.blocks.map((block) => block.labels.join('.')), ['aws_db_instance.a']);
    } finally {
      document.dispose();
    }
  });

  it('decodes strings and heredocs as HCL does, keeping offsets into the file', async () => {
    await testEngine();
    const text = 'a = "x\\"y\\\\z $${a} \\u00e9"\nb = <<-EOT\n    one\n      two\n    EOT\nc = "${var.x}"\n';
    const document = parseTerraform('/work/main.tf', text);
    try {
      const root = document.tree!.rootNode;
      const attributes = root.namedChildren[0]!.namedChildren.filter((child) => child?.type === 'attribute');
      const value = (index: number) => literalStringValue(attributes[index]!.namedChildren[1]!, text);
      assert.equal(value(0)?.text, 'x"y\\z ${a} é');
      assert.equal(value(1)?.text, 'one\n  two\n');
      assert.equal(text[value(1)!.offsets[0]], 'o');
      assert.equal(value(2), undefined, 'an interpolation is not a literal');
      const heredoc = evaluate(attributes[1]!.namedChildren[1], document, document.module);
      assert.equal(heredoc?.kind === 'string' ? heredoc.value : undefined, 'one\n  two\n');
    } finally {
      document.dispose();
    }
  });

  it('reads JSON with positions and rejects invalid JSON', () => {
    const json = parseJsonWithPositions('{"Statement": [{"Action": "*"}]}');
    assert.equal(json?.kind, 'object');
    const statement = json?.kind === 'object' ? json.entries[0].value : undefined;
    const action = statement?.kind === 'array' && statement.items[0].kind === 'object' ? statement.items[0].entries[0].value : undefined;
    assert.deepEqual(action && { start: action.start, end: action.end }, { start: 26, end: 29 });
    assert.equal(parseJsonWithPositions('{"a": }'), undefined);
    assert.equal(parseJsonWithPositions('{"a": 1} trailing'), undefined);
  });
});
