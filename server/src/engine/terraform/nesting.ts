import type { Tree } from 'web-tree-sitter';

/**
 * Syntax-tree depth beyond which a block is not analysed. Rules and helpers walk HCL recursively; a hostile
 * or generated file (`a + a + …` thousands of times, objects nested a thousand deep) overflowed the stack in
 * them (found by the fuzzer). Real configurations stay below 40; the walkers survive about 3,000.
 */
export const MAX_SYNTAX_DEPTH = 1_000;

/** Whether any node lies deeper than the limit; an iterative cursor walk, so it cannot overflow itself. */
export function exceedsSyntaxDepth(tree: Tree, limit = MAX_SYNTAX_DEPTH): boolean {
  const cursor = tree.walk();
  try {
    let depth = 0;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        if (++depth > limit) return true;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return false;
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}
