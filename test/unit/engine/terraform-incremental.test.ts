import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { allRules } from '../../../rules';
import { Engine } from '../../../server/src/engine/engine';
import { spanEdit } from '../../../server/src/engine/terraform/incremental';
import { parseTerraformFile, type TerraformFile } from '../../../server/src/engine/terraform/parse';
import { loadTerraformParser } from '../../../server/src/engine/terraform/tree-sitter';
import { typeAfter, typeAnywhere, typist, type Keystroke } from '../../helpers/typist';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/terraform/main.tf'), 'utf8');

/**
 * Edits that mostly leave a valid file (typing in a comment, a string or a number, adding or deleting an attribute
 * line, adding a block), and now and then one that breaks it (a stray brace or quote).
 */
const terraformKeystroke: Keystroke = (text, random) => {
  const roll = random.next();
  if (roll < 0.2) return { text: typeAfter(text, /#/g, random.pick([' x', '日本', '😀', ' {']), random) };
  if (roll < 0.35) return { text: typeAfter(text, /= "/g, 'ab', random) };
  if (roll < 0.45) return { text: typeAfter(text, /= \d/g, '7', random) };
  if (roll < 0.6) return { text: typeAfter(text, /\{\r?\n/g, '  added = "x"\n', random) };
  if (roll < 0.7) return { text: typeAfter(text, /(?:^|\n\}\r?\n)/g, 'resource "aws_s3_bucket" "added" {\n  bucket = "a"\n}\n', random) };
  if (roll < 0.85) {
    const lines = [...text.matchAll(/^ +[a-z_]+ += [^{}\[\]\n]*\n/gm)];
    if (lines.length === 0) return { text };
    const line = random.pick(lines);
    return { text: text.slice(0, line.index) + text.slice(line.index + line[0].length) };
  }
  return { text: typeAnywhere(text, random.pick(['{', '"', '}', '= ', '\r\n']), random), breaks: true };
};

function pointOf(text: string, offset: number): { row: number; column: number } {
  const before = text.slice(0, offset);
  return { row: before.split('\n').length - 1, column: offset - (before.lastIndexOf('\n') + 1) };
}

describe('Terraform incremental re-parse', () => {
  before(() => loadTerraformParser());

  it('spanEdit finds the one changed span, with tree-sitter points (rows at \\n only, UTF-16 columns)', () => {
    assert.equal(spanEdit('abc', 'abc'), undefined);
    const cases: [string, string][] = [
      ['a = 1\n', 'a = 12\n'],
      ['a = 1\nb = 2\n', 'a = 1\n'],
      ['x\r\ny = "日本"\n', 'x\r\ny = "日本語"\nz = 1\n'],
      ['aaaa', 'aa'],
      ['', 'resource "a" "b" {}\n'],
      ['😀 = 1', '😀😀 = 1'],
      ['a\nb\nc\nd\ne = 1\nf = 2\n', 'a\nb\nc\nd\ne = 12\nf\n= 2\n'],
    ];
    for (const [before, after] of cases) {
      const edit = spanEdit(before, after)!;
      assert.equal(before.slice(0, edit.startIndex) + after.slice(edit.startIndex, edit.newEndIndex) + before.slice(edit.oldEndIndex), after, JSON.stringify([before, after]));
      assert.equal(before.slice(edit.oldEndIndex), after.slice(edit.newEndIndex));
      assert.deepEqual(edit.startPosition, pointOf(before, edit.startIndex));
      assert.deepEqual(edit.oldEndPosition, pointOf(before, edit.oldEndIndex));
      assert.deepEqual(edit.newEndPosition, pointOf(after, edit.newEndIndex));
    }
  });

  it('a tree re-parsed from the previous one equals a fresh parse, over 300 seeded edits, through broken states and back', () => {
    const type = typist(20261129, terraformKeystroke);
    let text = EXAMPLE;
    let previous: TerraformFile = parseTerraformFile('/m/main.tf', text);
    let reused = 0;
    try {
      for (let step = 0; step < 300; step++) {
        text = type(text);
        if (previous.tree && !previous.hasSyntaxErrors) reused++;
        const incremental = parseTerraformFile('/m/main.tf', text, previous);
        const fresh = parseTerraformFile('/m/main.tf', text);
        try {
          assert.equal(incremental.tree?.rootNode.toString(), fresh.tree?.rootNode.toString(), `step ${step}`);
          assert.equal(incremental.hasSyntaxErrors, fresh.hasSyntaxErrors);
          assert.deepEqual(incremental.blocks.map((block) => [block.type, ...block.labels]), fresh.blocks.map((block) => [block.type, ...block.labels]));
        } finally {
          fresh.tree?.delete();
        }
        // The previous tree is left as it was: its document may still be in use.
        if (previous.tree && !previous.hasSyntaxErrors) assert.equal(previous.tree.rootNode.endIndex, previous.text.length, `step ${step}: the previous tree was edited`);
        previous.tree?.delete();
        previous = incremental;
      }
    } finally {
      previous.tree?.delete();
    }
    assert.ok(reused > 50, `only ${reused} steps started from a clean tree: the edits break the file too often to test reuse`);
  });

  it('an editor document linted version after version gets the findings of a one-shot lint of the same text', async () => {
    const editor = await Engine.create({ rules: allRules });
    const oneShot = await Engine.create({ rules: allRules });
    const type = typist(7, terraformKeystroke);
    let text = EXAMPLE;
    try {
      for (let version = 1; version <= 60; version++) {
        text = type(text);
        const summary = (engine: Engine, extra: { version?: number }) =>
          engine.lint({ path: '/m/main.tf', text, ...extra }).findings.map((finding) => `${finding.ruleId}@${finding.range.start.line}:${finding.range.start.character}-${finding.range.end.line}:${finding.range.end.character}`);
        assert.deepEqual(summary(editor, { version }), summary(oneShot, {}), `version ${version}`);
      }
    } finally {
      editor.dispose();
      oneShot.dispose();
    }
  });
});
