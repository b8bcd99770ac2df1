import type { TextEdit } from '../types';
import type { HclAttribute, HclBlock } from './hcl';
import type { TerraformFile } from './parse';

/** Leading spaces/tabs of the line an offset is on. */
function indentationAt(file: TerraformFile, offset: number): string {
  const line = file.lines.positionAt(offset).line;
  return /^[ \t]*/.exec(file.lines.lineText(line))![0];
}

/** The indentation of a block's contents: that of its first attribute or block, else the header's plus two spaces. */
export function bodyIndentation(file: TerraformFile, block: HclBlock): string {
  const headerLine = file.lines.positionAt(block.node.startIndex).line;
  const children = [...block.attributes.values()].map((attribute) => attribute.node).concat(block.blocks.map((child) => child.node));
  const first = children
    .filter((node) => file.lines.positionAt(node.startIndex).line > headerLine)
    .sort((a, b) => a.startIndex - b.startIndex)[0];
  return first ? indentationAt(file, first.startIndex) : indentationAt(file, block.node.startIndex) + '  ';
}

/**
 * Inserts lines (already relative to the block body: `"name = value"`, nested lines starting with two spaces)
 * just before the block's closing brace. Undefined when the block has no closing brace yet (half-typed).
 */
export function insertIntoBlock(file: TerraformFile, block: HclBlock, lines: string[]): TextEdit | undefined {
  const close = block.node.namedChildren.find((child) => child?.type === 'block_end');
  if (!close || close.text !== '}' || close.isMissing) return undefined;
  const eol = file.lines.eol;
  const indentation = bodyIndentation(file, block);
  const body = lines.map((line) => (line === '' ? '' : indentation + line)).join(eol);
  const closeLine = file.lines.positionAt(close.startIndex).line;
  const beforeClose = file.text.slice(file.lines.lineStart(closeLine), close.startIndex);
  if (beforeClose.trim() === '') {
    // `}` alone on its line: insert whole lines above it.
    const at = file.lines.lineStart(closeLine);
    return { range: file.lines.rangeOf(at, at), newText: body + eol };
  }
  // `resource "a" "b" {}` or `… value }`: break the line so the new attributes get lines of their own.
  const headerIndentation = indentationAt(file, block.node.startIndex);
  let start = close.startIndex;
  while (start > 0 && (file.text[start - 1] === ' ' || file.text[start - 1] === '\t')) start--;
  return { range: file.lines.rangeOf(start, close.startIndex), newText: eol + body + eol + headerIndentation };
}

/** Replaces an attribute's value, or inserts `name = value` when the attribute is absent. */
export function setAttribute(file: TerraformFile, block: HclBlock, name: string, valueText: string): TextEdit | undefined {
  const attribute = block.attributes.get(name);
  if (attribute) return { range: file.lines.rangeOf(attribute.expression.startIndex, attribute.expression.endIndex), newText: valueText };
  return insertIntoBlock(file, block, [`${name} = ${valueText}`]);
}

/** A `variable` declaration appended at the end of the file, separated by a blank line. */
export function appendToFile(file: TerraformFile, lines: string[]): TextEdit {
  const eol = file.lines.eol;
  const end = file.text.length;
  const separator = end === 0 ? '' : file.text.endsWith('\n') ? eol : eol + eol;
  return { range: file.lines.rangeOf(end, end), newText: separator + lines.join(eol) + eol };
}

/** Finds the block (at any depth) whose syntax node starts at an offset: fixes locate their block from the finding. */
export function blockAt(blocks: HclBlock[], startOffset: number): HclBlock | undefined {
  for (const block of blocks) {
    if (block.node.startIndex === startOffset) return block;
    if (block.node.startIndex < startOffset && startOffset < block.node.endIndex) {
      const inner = blockAt(block.blocks, startOffset);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The attribute (at any depth) whose name or value starts at an offset, with the block that holds it. */
export function attributeAt(blocks: HclBlock[], startOffset: number): { block: HclBlock; attribute: HclAttribute } | undefined {
  for (const block of blocks) {
    if (startOffset < block.node.startIndex || startOffset >= block.node.endIndex) continue;
    for (const attribute of block.attributes.values()) {
      if (attribute.node.startIndex === startOffset || attribute.expression.startIndex === startOffset) return { block, attribute };
    }
    const inner = attributeAt(block.blocks, startOffset);
    if (inner) return inner;
  }
  return undefined;
}
