import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Range } from '../types';
import { stringLiteralText, type HclAttribute, type HclBlock } from './hcl';
import type { TerraformDocument, TerraformFile } from './parse';
import { evaluate, type HclValue } from './values';

/** `resource "<type>" "<name>"` blocks of the file, optionally of some types. */
export function resources(document: TerraformDocument, types?: readonly string[]): HclBlock[] {
  return document.blocks.filter((block) => block.type === 'resource' && block.labels.length >= 2 && (!types || types.includes(block.labels[0])));
}

export function attributeValue(document: TerraformDocument, block: HclBlock, name: string): HclValue | undefined {
  const attribute = block.attributes.get(name);
  return attribute ? evaluate(attribute.expression, document, document.module) : undefined;
}

export function nodeRange(file: TerraformFile, node: SyntaxNode): Range {
  return file.lines.rangeOf(node.startIndex, node.endIndex);
}

/** The header line of a block (`resource "aws_x" "y" {`), where findings about absent attributes go. */
export function headerRange(document: TerraformDocument, block: HclBlock): Range {
  const start = block.node.startIndex;
  const open = document.text.indexOf('{', start);
  const end = open >= 0 && open < block.node.endIndex ? open + 1 : document.lines.lineEnd(document.lines.positionAt(start).line);
  return document.lines.rangeOf(start, end);
}

export interface ValueSite {
  value: HclValue;
  /** Where the value is written in this file: the literal itself, or the reference that leads to it. */
  site: SyntaxNode;
  /** True when the site is the literal, so a fix can rewrite it in place. */
  literal: boolean;
}

/** The items of an attribute that is a string or a list, each with the place in this file that produced it. */
export function itemSites(document: TerraformDocument, attribute: HclAttribute | undefined): ValueSite[] {
  return attribute ? expressionItemSites(document, attribute.expression) : [];
}

/** Like `itemSites`, for any expression of this file (an object member inside `jsonencode(…)`, say). */
export function expressionItemSites(document: TerraformDocument, expression: SyntaxNode): ValueSite[] {
  const tuple = literalTuple(expression);
  if (tuple) {
    return tuple.flatMap((element): ValueSite[] => {
      const value = evaluate(element, document, document.module);
      if (!value) return [];
      if (value.kind === 'tuple') return value.items.map((item) => ({ value: item, site: element, literal: false }));
      return [{ value, site: element, literal: !value.viaReference }];
    });
  }
  const value = evaluate(expression, document, document.module);
  if (!value) return [];
  if (value.kind === 'tuple') return value.items.map((item) => ({ value: item, site: expression, literal: false }));
  return [{ value, site: expression, literal: !value.viaReference }];
}

/** Element expressions of a `[ … ]` written in place. */
export function literalTuple(expression: SyntaxNode): SyntaxNode[] | undefined {
  const collection = expression.namedChildren[0];
  const tuple = collection?.type === 'collection_value' ? collection.namedChildren[0] : undefined;
  if (tuple?.type !== 'tuple') return undefined;
  return tuple.namedChildren.filter((child): child is SyntaxNode => child?.type === 'expression');
}

/** True when any `variable "<name>"` block exists in the module. */
export function variableDeclared(document: TerraformDocument, name: string): boolean {
  return [document, ...document.siblings()].some((file) => file.blocks.some((block) => block.type === 'variable' && block.labels[0] === name));
}

/** `data "<type>" "<name>"` blocks of the file, optionally of some types. */
export function dataSources(document: TerraformDocument, types?: readonly string[]): HclBlock[] {
  return document.blocks.filter((block) => block.type === 'data' && block.labels.length >= 2 && (!types || types.includes(block.labels[0])));
}

/** Blocks of a type across the whole module folder: this file first, then its siblings. */
export function moduleBlocks(document: TerraformDocument, type: string): { block: HclBlock; file: TerraformFile }[] {
  return [document, ...document.siblings()].flatMap((file) => file.blocks.filter((block) => block.type === type).map((block) => ({ block, file })));
}

/** Members of an object written in place (`{ Key = value }`), keyed by name, each with its value expression. */
export function literalObject(expression: SyntaxNode): Map<string, SyntaxNode> | undefined {
  let node: SyntaxNode | null = expression;
  while (node && (node.type === 'expression' || node.type === 'collection_value') && node.namedChildCount === 1) node = node.namedChildren[0];
  if (node?.type !== 'object') return undefined;
  const members = new Map<string, SyntaxNode>();
  for (const element of node.namedChildren) {
    if (element?.type !== 'object_elem') continue;
    const [keyNode, valueNode] = element.namedChildren.filter((child): child is SyntaxNode => child?.type === 'expression');
    const key = keyNode ? literalKey(keyNode) : undefined;
    if (key !== undefined && valueNode) members.set(key, valueNode);
  }
  return members;
}

/** An object key as written: a bare name or a quoted string. */
function literalKey(node: SyntaxNode): string | undefined {
  const inner = node.namedChildren[0];
  if (node.namedChildCount !== 1 || !inner) return undefined;
  if (inner.type === 'variable_expr') return inner.text;
  if (inner.type === 'literal_value' && inner.namedChildren[0]?.type === 'string_lit') return stringLiteralText(inner.namedChildren[0]);
  if (inner.type === 'template_expr' && inner.namedChildren[0]?.type === 'quoted_template') return stringLiteralText(inner.namedChildren[0]);
  return undefined;
}

/** The names `<type>.<name>` that an expression references, e.g. `aws_s3_bucket.logs` in `aws_s3_bucket.logs[0].id`. */
export function referencedResources(expression: SyntaxNode, type: string): string[] {
  const names: string[] = [];
  const pattern = new RegExp(`(?<![\\w.])${type}\\.([A-Za-z_][\\w-]*)`, 'g');
  for (const match of expression.text.matchAll(pattern)) names.push(match[1]);
  return names;
}
