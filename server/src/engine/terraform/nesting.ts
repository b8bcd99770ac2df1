import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';

/**
 * Syntax-tree depth beyond which a block is not analysed. Rules and helpers walk HCL recursively; a hostile
 * or generated file (`a + a + …` thousands of times, objects nested a thousand deep) overflowed the stack in
 * them (found by the fuzzer). Real configurations stay below 40; the walkers survive about 3,000.
 */
export const MAX_SYNTAX_DEPTH = 1_000;

/**
 * Whether any node lies deeper than the limit. A subtree with no more descendants than the room left below
 * its node cannot reach past the limit, so only the few big subtrees are entered (a whole-tree cursor walk cost
 * a third of the parse); iterative, so it cannot overflow itself.
 */
export function exceedsSyntaxDepth(tree: Tree, limit = MAX_SYNTAX_DEPTH): boolean {
  const pending: { node: SyntaxNode; depth: number }[] = [{ node: tree.rootNode, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (depth > limit) return true;
    // descendantCount includes the node itself: its deepest descendant is at most that many levels minus one below.
    if (depth + node.descendantCount - 1 <= limit) continue;
    for (const child of node.children) if (child) pending.push({ node: child, depth: depth + 1 });
  }
  return false;
}
