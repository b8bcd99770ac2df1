import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Range } from '../types';
import type { HclAttribute, HclBlock } from './hcl';
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
  if (!attribute) return [];
  const tuple = literalTuple(attribute.expression);
  if (tuple) {
    return tuple.flatMap((element): ValueSite[] => {
      const value = evaluate(element, document, document.module);
      if (!value) return [];
      if (value.kind === 'tuple') return value.items.map((item) => ({ value: item, site: element, literal: false }));
      return [{ value, site: element, literal: !value.viaReference }];
    });
  }
  const value = evaluate(attribute.expression, document, document.module);
  if (!value) return [];
  if (value.kind === 'tuple') return value.items.map((item) => ({ value: item, site: attribute.expression, literal: false }));
  return [{ value, site: attribute.expression, literal: !value.viaReference }];
}

/** Element expressions of a `[ … ]` written in place. */
function literalTuple(expression: SyntaxNode): SyntaxNode[] | undefined {
  const collection = expression.namedChildren[0];
  const tuple = collection?.type === 'collection_value' ? collection.namedChildren[0] : undefined;
  if (tuple?.type !== 'tuple') return undefined;
  return tuple.namedChildren.filter((child): child is SyntaxNode => child?.type === 'expression');
}

/** True when any `variable "<name>"` block exists in the module. */
export function variableDeclared(document: TerraformDocument, name: string): boolean {
  return [document, ...document.siblings()].some((file) => file.blocks.some((block) => block.type === 'variable' && block.labels[0] === name));
}
