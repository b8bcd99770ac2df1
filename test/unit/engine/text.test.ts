import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, LineIndex } from '../../../server/src/engine/text';

describe('LineIndex', () => {
  it('counts columns in UTF-16 code units, as LSP does', () => {
    const index = new LineIndex('# 日本語\nUSER 😀root\n');
    assert.deepEqual(index.positionAt(6), { line: 1, character: 0 });
    // The emoji is two UTF-16 units.
    assert.deepEqual(index.positionAt(6 + 'USER 😀'.length), { line: 1, character: 7 });
    assert.equal(index.offsetAt({ line: 1, character: 7 }), 13);
  });

  it('handles CRLF, lone CR and a missing final newline', () => {
    const index = new LineIndex('a\r\nbb\rccc');
    assert.equal(index.lineCount, 3);
    assert.equal(index.lineText(0), 'a');
    assert.equal(index.lineText(1), 'bb');
    assert.equal(index.lineText(2), 'ccc');
    assert.equal(index.eol, '\r\n');
    assert.deepEqual(index.positionAt(100), { line: 2, character: 3 });
  });

  it('clamps positions past the end of a line or the file', () => {
    const index = new LineIndex('ab\ncd');
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 5);
  });
});

describe('applyEdits', () => {
  it('applies edits from the end so earlier offsets stay valid', () => {
    const text = 'one\ntwo\nthree\n';
    const result = applyEdits(text, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: '1' },
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }, newText: '3' },
    ]);
    assert.equal(result, '1\ntwo\n3\n');
  });

  it('refuses overlapping edits instead of corrupting the file', () => {
    assert.throws(() => applyEdits('abcdef', [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, newText: 'x' },
      { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } }, newText: 'y' },
    ]), /overlapping/);
  });
});
