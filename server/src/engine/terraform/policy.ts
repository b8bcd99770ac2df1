import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Range } from '../types';
import { childBlocks, type HclBlock } from './hcl';
import { jsonGet, parseJsonWithPositions, type JsonNode } from './json-positions';
import type { TerraformDocument } from './parse';
import { dataSources, expressionItemSites, literalObject, literalTuple, nodeRange } from './resources';
import { literalStringValue, type SourceString } from './strings';
import { evaluate } from './values';

/** One string of a statement's `Action` or `Resource`, with where it is written in this file. */
export interface PolicyItem {
  value: string;
  range: Range;
}

/**
 * An IAM policy statement read from the `.tf` file. `undefined` lists mean Terraform only knows them at plan
 * time (a variable without default, a module output): rules must not guess about those.
 */
export interface PolicyStatement {
  /** `Allow` when the statement leaves it out, as IAM does; undefined when it cannot be known. */
  effect: string | undefined;
  actions: PolicyItem[] | undefined;
  resources: PolicyItem[] | undefined;
  source: 'jsonencode' | 'json-string' | 'policy-document';
}

/**
 * Every IAM statement written in the file: HCL objects with a `Statement` member (the argument of
 * `jsonencode(…)` or a local), JSON strings and heredocs that hold a policy, and `aws_iam_policy_document`
 * data sources. Each is read where it is written, so a policy shared through a local is reported once.
 */
export function policyStatements(document: TerraformDocument): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  const root = document.tree?.rootNode;
  // Every inline policy spells out its `Statement` key: files and subtrees without one need no walk.
  if (root && document.text.includes('Statement')) collectFromSyntax(document, root, statements);
  for (const data of dataSources(document, ['aws_iam_policy_document'])) collectFromPolicyDocument(document, data, statements);
  return statements;
}

function collectFromSyntax(document: TerraformDocument, node: SyntaxNode, statements: PolicyStatement[]): void {
  const mention = document.text.indexOf('Statement', node.startIndex);
  if (mention < 0 || mention >= node.endIndex) return;
  if (node.type === 'object') {
    const members = literalObject(node);
    const statement = members?.get('Statement');
    if (statement) {
      const before = statements.length;
      collectFromHclStatements(document, statement, statements);
      if (statements.length > before) return;
    }
  } else if (node.type === 'template_expr' || node.type === 'string_lit') {
    const value = literalStringValue(node, document.text);
    if (value && value.text.includes('"Statement"')) collectFromJson(document, value, statements);
    return;
  }
  for (const child of node.namedChildren) if (child) collectFromSyntax(document, child, statements);
}

function hclItems(document: TerraformDocument, expression: SyntaxNode | undefined): PolicyItem[] | undefined {
  if (!expression) return [];
  // Unknown members are skipped: a wildcard next to a variable is still a wildcard.
  const sites = expressionItemSites(document, expression);
  const items = sites.flatMap(({ value, site }) => (value.kind === 'string' ? [{ value: value.value, range: nodeRange(document, site) }] : []));
  return items.length === 0 && sites.length > 0 ? undefined : items;
}

function hclEffect(document: TerraformDocument, expression: SyntaxNode | undefined): string | undefined {
  if (!expression) return 'Allow';
  const value = evaluate(expression, document, document.module);
  return value?.kind === 'string' ? value.value : undefined;
}

function collectFromHclStatements(document: TerraformDocument, statement: SyntaxNode, statements: PolicyStatement[]): void {
  const single = literalObject(statement);
  const objects = single ? [single] : (literalTuple(statement) ?? []).map(literalObject);
  for (const members of objects) {
    if (!members || !(members.has('Action') || members.has('Effect') || members.has('Resource'))) continue;
    statements.push({
      effect: hclEffect(document, members.get('Effect')),
      actions: members.has('NotAction') ? [] : hclItems(document, members.get('Action')),
      resources: members.has('NotResource') ? [] : hclItems(document, members.get('Resource')),
      source: 'jsonencode',
    });
  }
}

function collectFromJson(document: TerraformDocument, value: SourceString, statements: PolicyStatement[]): void {
  const policy = parseJsonWithPositions(value.text);
  const statement = jsonGet(policy, 'Statement');
  if (!statement) return;
  const toRange = (node: JsonNode): Range => document.lines.rangeOf(value.offsets[node.start], value.offsets[node.end]);
  const items = (node: JsonNode | undefined): PolicyItem[] | undefined => {
    if (!node) return [];
    const list = node.kind === 'array' ? node.items : [node];
    if (list.some((item) => item.kind !== 'string')) return undefined;
    return list.map((item) => ({ value: item.kind === 'string' ? item.value : '', range: toRange(item) }));
  };
  for (const entry of statement.kind === 'array' ? statement.items : [statement]) {
    if (entry.kind !== 'object') continue;
    const effect = jsonGet(entry, 'Effect');
    statements.push({
      effect: !effect ? 'Allow' : effect.kind === 'string' ? effect.value : undefined,
      actions: jsonGet(entry, 'NotAction') ? [] : items(jsonGet(entry, 'Action')),
      resources: jsonGet(entry, 'NotResource') ? [] : items(jsonGet(entry, 'Resource')),
      source: 'json-string',
    });
  }
}

function collectFromPolicyDocument(document: TerraformDocument, data: HclBlock, statements: PolicyStatement[]): void {
  for (const statement of childBlocks(data, 'statement')) {
    const effect = statement.attributes.get('effect');
    statements.push({
      effect: effect ? hclEffect(document, effect.expression) : 'Allow',
      actions: statement.attributes.has('not_actions') ? [] : hclItems(document, statement.attributes.get('actions')?.expression),
      resources: statement.attributes.has('not_resources') ? [] : hclItems(document, statement.attributes.get('resources')?.expression),
      source: 'policy-document',
    });
  }
}
