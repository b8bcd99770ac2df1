import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { aliasTarget } from './yaml-bounds';

/** Aliases may point at aliases; bound the walk so a hostile document cannot loop. */
const MAX_ALIAS_HOPS = 32;
const MAX_MERGE_DEPTH = 8;

export function resolveNode(document: Document, node: unknown): Node | undefined {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < MAX_ALIAS_HOPS; hops++) {
    // Not `Alias.resolve`: it re-walks the whole document on every call.
    current = aliasTarget(document, current);
  }
  return current && !isAlias(current) ? (current as Node) : undefined;
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** A key's pair in a mapping, following `<<` merge keys the way Kubernetes' YAML decoder does (own keys win). */
export function mapGet(document: Document, map: YAMLMap, key: string, depth = 0, visited = new Set<YAMLMap>()): Pair<unknown, unknown> | undefined {
  // A map already searched holds nothing new: without this, shared merge sources make the search exponential.
  if (visited.has(map)) return undefined;
  visited.add(map);
  for (const pair of map.items) if (keyName(pair) === key) return pair;
  if (depth >= MAX_MERGE_DEPTH) return undefined;
  for (const pair of map.items) {
    if (keyName(pair) !== '<<') continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const resolved = resolveNode(document, source);
      if (isMap(resolved)) {
        const found = mapGet(document, resolved, key, depth + 1, visited);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** The resolved value under a key. */
export function mapValue(document: Document, map: YAMLMap, key: string): Node | undefined {
  const pair = mapGet(document, map, key);
  return pair ? resolveNode(document, pair.value) : undefined;
}

export function mapChild(document: Document, map: YAMLMap, key: string): YAMLMap | undefined {
  const value = mapValue(document, map, key);
  return isMap(value) ? value : undefined;
}

export function getIn(document: Document, map: YAMLMap, path: readonly string[]): Node | undefined {
  let current: Node | undefined = map;
  for (const key of path) {
    if (!isMap(current)) return undefined;
    current = mapValue(document, current, key);
  }
  return current;
}

/** Scalar value as a JS value, or undefined for anything else. */
export function scalarOf(node: Node | undefined): string | number | boolean | null | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : undefined;
}

/** The mapping's own keys, plus merged ones, resolved. */
export function mapEntries(document: Document, map: YAMLMap): { key: string; pair: Pair<unknown, unknown>; value: Node | undefined }[] {
  const seen = new Set<string>();
  const entries: { key: string; pair: Pair<unknown, unknown>; value: Node | undefined }[] = [];
  const visited = new Set<YAMLMap>();
  const visit = (current: YAMLMap, depth: number) => {
    if (visited.has(current)) return;
    visited.add(current);
    for (const pair of current.items) {
      const key = keyName(pair);
      if (key === undefined || key === '<<' || seen.has(key)) continue;
      seen.add(key);
      entries.push({ key, pair, value: resolveNode(document, pair.value) });
    }
    if (depth >= MAX_MERGE_DEPTH) return;
    for (const pair of current.items) {
      if (keyName(pair) !== '<<') continue;
      for (const source of isSeq(pair.value) ? pair.value.items : [pair.value]) {
        const resolved = resolveNode(document, source);
        if (isMap(resolved)) visit(resolved, depth + 1);
      }
    }
  };
  visit(map, 0);
  return entries;
}

export function seqItems(document: Document, node: Node | undefined): Node[] {
  if (!isSeq(node)) return [];
  return node.items.map((item) => resolveNode(document, item)).filter((item): item is Node => item !== undefined);
}

/**
 * A node as plain JS, following aliases and merge keys the way Kubernetes reads it. Used to copy inherited
 * content into a mapping before changing it, so a fix never edits a shared anchor behind the user's back.
 */
export function plainValue(document: Document, node: unknown, depth = 0): unknown {
  const resolved = resolveNode(document, node);
  if (resolved === undefined || depth > 64) return null;
  if (isScalar(resolved)) return resolved.value;
  if (isSeq(resolved)) return resolved.items.map((item) => plainValue(document, item, depth + 1));
  if (isMap(resolved)) {
    return Object.fromEntries(mapEntries(document, resolved).map((entry) => [entry.key, plainValue(document, entry.value, depth + 1)]));
  }
  return null;
}
