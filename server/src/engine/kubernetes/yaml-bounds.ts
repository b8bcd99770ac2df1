import { isAlias, isCollection, isPair, isScalar, type Alias, type Document, type Node } from 'yaml';

/**
 * Bounds for hostile YAML. Parsing never expands aliases, but anything that walks the tree and follows them
 * (our helpers, a rule, `toJS`) does: a "billion laughs" document of a few hundred bytes expands to billions
 * of nodes, and an alias inside its own anchor never ends. We measure each document once, in linear time,
 * and quarantine the ones that exceed the bounds so no rule ever walks them.
 */

/** Nodes that alias expansion may add on top of the document's own nodes. Real manifests use a handful of anchors. */
export const ALIAS_EXPANSION_ALLOWANCE = 100_000;
/** Collection nesting beyond which recursive walkers could exhaust the stack; real manifests stay below 30. */
export const MAX_NESTING_DEPTH = 1_000;

export type UnanalysableReason = 'alias-expansion' | 'nesting-depth';

const aliasTargetCache = new WeakMap<Document, Map<Alias, Node | undefined>>();

/** The direct children of a node, pairs flattened to their key and value. */
function childrenOf(node: Node): unknown[] {
  if (!isCollection(node)) return [];
  const children: unknown[] = [];
  for (const item of node.items) {
    if (isPair(item)) children.push(item.key, item.value);
    else children.push(item);
  }
  return children;
}

function isYamlNode(value: unknown): value is Node {
  return isAlias(value) || isScalar(value) || isCollection(value);
}

/**
 * What every alias of the document points at, computed in one pre-order pass: an alias refers to the last
 * node carrying its anchor before it, as the YAML spec and `Alias.resolve` define. `Alias.resolve` itself
 * re-walks the whole document on every call, which made alias-heavy files quadratic.
 */
export function aliasTargets(document: Document): Map<Alias, Node | undefined> {
  const cached = aliasTargetCache.get(document);
  if (cached) return cached;
  const targets = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  // Explicit stack instead of recursion: a deeply nested document must not overflow ours.
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isYamlNode(node)) continue;
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  aliasTargetCache.set(document, targets);
  return targets;
}

export function aliasTarget(document: Document, alias: Alias): Node | undefined {
  return aliasTargets(document).get(alias);
}

interface Frame {
  node: Node;
  children: unknown[];
  next: number;
  size: number;
  depth: number;
}

/**
 * Why a document must not be analysed, or undefined when it is within bounds. Sizes and depths are memoised
 * per node, so shared anchors are measured once and the whole check is linear in the document.
 */
export function unanalysableReason(document: Document): UnanalysableReason | undefined {
  const targets = aliasTargets(document);
  if (!isYamlNode(document.contents)) return undefined;
  let ownNodes = 0;
  const counter: unknown[] = [document.contents];
  while (counter.length > 0) {
    const node = counter.pop();
    if (!isYamlNode(node)) continue;
    ownNodes++;
    counter.push(...childrenOf(node));
  }
  const maxExpanded = ownNodes + ALIAS_EXPANSION_ALLOWANCE;
  const measured = new Map<Node, { size: number; depth: number }>();
  const onStack = new Set<Node>();
  const open = (node: Node): Frame => {
    onStack.add(node);
    const target = isAlias(node) ? targets.get(node) : undefined;
    return { node, children: isAlias(node) ? (target ? [target] : []) : childrenOf(node), next: 0, size: 1, depth: isCollection(node) ? 1 : 0 };
  };
  const stack: Frame[] = [open(document.contents)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (!isYamlNode(child)) continue;
      // An alias inside its own anchor expands forever.
      if (onStack.has(child)) return 'alias-expansion';
      const known = measured.get(child);
      if (known) {
        frame.size += known.size;
        frame.depth = Math.max(frame.depth, known.depth + (isCollection(frame.node) ? 1 : 0));
      } else {
        stack.push(open(child));
        if (stack.length > MAX_NESTING_DEPTH * 2 + 2) return 'nesting-depth';
      }
      if (frame.size > maxExpanded) return 'alias-expansion';
      continue;
    }
    stack.pop();
    onStack.delete(frame.node);
    if (frame.depth > MAX_NESTING_DEPTH) return 'nesting-depth';
    measured.set(frame.node, { size: frame.size, depth: frame.depth });
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.size += frame.size;
      parent.depth = Math.max(parent.depth, frame.depth + (isCollection(parent.node) ? 1 : 0));
      if (parent.size > maxExpanded) return 'alias-expansion';
    }
  }
  return undefined;
}
