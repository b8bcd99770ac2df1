import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { TerraformFile } from './parse';
import { literalStringValue } from './strings';

interface ValueBase {
  /** The expression that produced the value, in `file`. */
  node: SyntaxNode;
  file: TerraformFile;
  /** True when the value was reached through `var.` or `local.`: a finding belongs at the reference, not at the literal elsewhere. */
  viaReference: boolean;
}

export type HclValue =
  | (ValueBase & { kind: 'string'; value: string })
  | (ValueBase & { kind: 'number'; value: number })
  | (ValueBase & { kind: 'bool'; value: boolean })
  | (ValueBase & { kind: 'null' })
  | (ValueBase & { kind: 'tuple'; items: HclValue[] })
  | (ValueBase & { kind: 'object'; entries: Map<string, HclValue> })
  /** Anything Terraform only knows at plan time: never guess. */
  | (ValueBase & { kind: 'unknown' });

/** Looks up `var.x` defaults and `local.x` values across the files of one module folder. */
export interface ModuleScope {
  variableDefault(name: string): { expression: SyntaxNode; file: TerraformFile } | undefined;
  local(name: string): { expression: SyntaxNode; file: TerraformFile } | undefined;
}

const MAX_REFERENCE_DEPTH = 16;

export function evaluate(node: SyntaxNode | null | undefined, file: TerraformFile, scope: ModuleScope, depth = 0, viaReference = false): HclValue | undefined {
  if (!node) return undefined;
  const base = { node, file, viaReference };
  const unknown: HclValue = { ...base, kind: 'unknown' };
  switch (node.type) {
    case 'expression':
    case 'literal_value':
    case 'collection_value':
      return node.namedChildCount === 1 ? evaluate(node.namedChildren[0], file, scope, depth, viaReference) : evaluateReference(node, file, scope, depth, viaReference) ?? unknown;
    case 'string_lit': {
      const literal = literalStringValue(node, file.text);
      return literal ? { ...base, kind: 'string', value: literal.text } : unknown;
    }
    case 'template_expr': {
      // Quoted templates and heredocs without interpolation are plain strings.
      const literal = literalStringValue(node, file.text);
      return literal ? { ...base, kind: 'string', value: literal.text } : unknown;
    }
    case 'numeric_lit':
      return { ...base, kind: 'number', value: Number(node.text) };
    case 'bool_lit':
      return { ...base, kind: 'bool', value: node.text === 'true' };
    case 'null_lit':
      return { ...base, kind: 'null' };
    case 'tuple':
      return {
        ...base,
        kind: 'tuple',
        items: node.namedChildren
          .filter((child): child is SyntaxNode => child?.type === 'expression')
          .map((child) => evaluate(child, file, scope, depth, viaReference) ?? { node: child, file, viaReference, kind: 'unknown' }),
      };
    case 'object': {
      const entries = new Map<string, HclValue>();
      for (const element of node.namedChildren) {
        if (element?.type !== 'object_elem') continue;
        const [keyNode, valueNode] = element.namedChildren.filter((child) => child?.type === 'expression');
        const key = keyNode ? objectKey(keyNode, file) : undefined;
        // A computed key (`(local.name) = …`) makes the object's shape unknown.
        if (key === undefined) return unknown;
        const value = evaluate(valueNode, file, scope, depth, viaReference);
        if (value) entries.set(key, value);
      }
      return { ...base, kind: 'object', entries };
    }
    case 'operation': {
      const unary = node.namedChildren[0];
      if (unary?.type === 'unary_operation' && unary.text.startsWith('-')) {
        const operand = evaluate(unary.namedChildren[0], file, scope, depth, viaReference);
        if (operand?.kind === 'number') return { ...base, kind: 'number', value: -operand.value };
      }
      return unknown;
    }
    default:
      return unknown;
  }
}

/** `var.x` and `local.x` (and nothing longer: `var.x.y` needs types we do not model). */
function evaluateReference(node: SyntaxNode, file: TerraformFile, scope: ModuleScope, depth: number, viaReference: boolean): HclValue | undefined {
  const [head, ...rest] = node.namedChildren;
  if (head?.type !== 'variable_expr' || rest.length !== 1 || rest[0]?.type !== 'get_attr') return undefined;
  const name = rest[0].namedChildren[0]?.text;
  if (!name || depth >= MAX_REFERENCE_DEPTH) return undefined;
  const target = head.text === 'var' ? scope.variableDefault(name) : head.text === 'local' ? scope.local(name) : undefined;
  if (!target) return { node, file, viaReference: true, kind: 'unknown' };
  const value = evaluate(target.expression, target.file, scope, depth + 1, true);
  return value ?? { node, file, viaReference: true, kind: 'unknown' };
}

function objectKey(node: SyntaxNode, file: TerraformFile): string | undefined {
  const inner = node.namedChildren[0];
  if (node.namedChildCount !== 1 || !inner) return undefined;
  if (inner.type === 'variable_expr') return inner.text;
  return literalStringValue(inner, file.text)?.text;
}

export function asString(value: HclValue | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

/** Strings in a value that is a string or a list of strings. */
export function stringItems(value: HclValue | undefined): { value: string; item: HclValue }[] {
  if (!value) return [];
  if (value.kind === 'string') return [{ value: value.value, item: value }];
  if (value.kind === 'tuple') return value.items.flatMap((item) => (item.kind === 'string' ? [{ value: item.value, item }] : []));
  return [];
}
