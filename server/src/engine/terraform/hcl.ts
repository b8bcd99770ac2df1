import type { Node as SyntaxNode } from 'web-tree-sitter';
import { decodeQuoted } from './strings';

/** A Terraform block (`resource "aws_s3_bucket" "logs" { … }`) read from the syntax tree. */
export interface HclBlock {
  node: SyntaxNode;
  type: string;
  labels: string[];
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

export interface HclAttribute {
  node: SyntaxNode;
  name: string;
  nameNode: SyntaxNode;
  expression: SyntaxNode;
}

export function readBody(body: SyntaxNode | null | undefined): { attributes: Map<string, HclAttribute>; blocks: HclBlock[] } {
  const attributes = new Map<string, HclAttribute>();
  const blocks: HclBlock[] = [];
  if (!body) return { attributes, blocks };
  for (const child of body.namedChildren) {
    if (!child) continue;
    if (child.type === 'attribute') {
      const nameNode = child.namedChildren[0];
      const expression = child.namedChildren[1];
      if (nameNode && expression) attributes.set(nameNode.text, { node: child, name: nameNode.text, nameNode, expression });
    } else if (child.type === 'block') {
      const block = readBlock(child);
      if (block) blocks.push(block);
    }
  }
  return { attributes, blocks };
}

export function readBlock(node: SyntaxNode): HclBlock | undefined {
  const typeNode = node.namedChildren[0];
  if (!typeNode || typeNode.type !== 'identifier') return undefined;
  const labels: string[] = [];
  let body: SyntaxNode | null = null;
  for (const child of node.namedChildren.slice(1)) {
    if (!child) continue;
    if (child.type === 'string_lit') labels.push(stringLiteralText(child));
    else if (child.type === 'identifier') labels.push(child.text);
    else if (child.type === 'body') body = child;
  }
  const { attributes, blocks } = readBody(body);
  return { node, type: typeNode.text, labels, attributes, blocks };
}

/** Top-level blocks of a file. */
export function topLevelBlocks(root: SyntaxNode): HclBlock[] {
  const body = root.namedChildren.find((child) => child?.type === 'body');
  return readBody(body).blocks;
}

/** The text of a string literal without its quotes, with escapes decoded as HCL does (`\\n`, `\\uNNNN`, `$${`). */
export function stringLiteralText(node: SyntaxNode): string {
  // Slice between the quotes: template_literal tokens leave out leading and trailing spaces.
  const opening = node.namedChildren.find((child) => child?.type === 'quoted_template_start');
  const closing = node.namedChildren.find((child) => child?.type === 'quoted_template_end');
  if (opening && closing && !closing.isMissing && node.namedChildren.every((child) => child?.type !== 'template_interpolation' && child?.type !== 'template_directive')) {
    return decodeQuoted(node.text.slice(opening.endIndex - node.startIndex, closing.startIndex - node.startIndex), 0).text;
  }
  const literal = node.namedChildren.filter((child) => child?.type === 'template_literal').map((child) => child!.text).join('');
  return decodeQuoted(literal, 0).text;
}

/** Nested blocks of a type, including the `content` of `dynamic "<type>"` blocks, since Terraform expands them the same way. */
export function childBlocks(block: HclBlock, type: string): HclBlock[] {
  const found: HclBlock[] = [];
  for (const child of block.blocks) {
    if (child.type === type) found.push(child);
    else if (child.type === 'dynamic' && child.labels[0] === type) {
      for (const content of child.blocks) if (content.type === 'content') found.push({ ...content, type });
    }
  }
  return found;
}
