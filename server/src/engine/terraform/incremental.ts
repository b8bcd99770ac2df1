import type { Edit, Point, Tree } from 'web-tree-sitter';

/**
 * The one edit that turns `before` into `after`: the span between their common prefix and common suffix. An
 * editor change is one such span (a keystroke, a paste, a quick fix), so this is what tree-sitter needs to reuse
 * the previous tree; undefined when the texts are equal.
 */
export function spanEdit(before: string, after: string): Edit | undefined {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start === before.length && start === after.length) return undefined;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const startPosition = pointAt(before, start, { row: 0, column: 0 }, 0);
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition,
    oldEndPosition: pointAt(before, oldEnd, startPosition, start),
    newEndPosition: pointAt(after, newEnd, startPosition, start),
  };
}

/** tree-sitter's point of an offset (rows count `\n` only; columns in UTF-16 code units, as web-tree-sitter counts), from a known earlier point. */
function pointAt(text: string, offset: number, from: Point, fromOffset: number): Point {
  let row = from.row;
  let lineStart = fromOffset - from.column;
  for (let newline = text.indexOf('\n', fromOffset); newline >= 0 && newline < offset; newline = text.indexOf('\n', newline + 1)) {
    row++;
    lineStart = newline + 1;
  }
  return { row, column: offset - lineStart };
}

/**
 * A copy of the previous tree with the edit applied, for tree-sitter to re-parse only what changed; the caller
 * deletes it after the parse. The previous tree itself stays as it was: its document may still be in use.
 */
export function editedCopy(previous: Tree, edit: Edit): Tree {
  const copy = previous.copy();
  copy.edit(edit);
  return copy;
}
