import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Tree } from 'web-tree-sitter';
import { exceedsSyntaxDepth } from '../../../server/src/engine/terraform/nesting';
import { loadTerraformParser, parseHcl } from '../../../server/src/engine/terraform/tree-sitter';

/** The reference: the deepest node found by visiting every node with a cursor. */
function deepestLevel(tree: Tree): number {
  const cursor = tree.walk();
  let depth = 0;
  let deepest = 0;
  for (;;) {
    if (cursor.gotoFirstChild()) {
      deepest = Math.max(deepest, ++depth);
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return deepest;
      }
      depth--;
    }
  }
}

const SAMPLES: Record<string, string> = {
  'nested objects': `locals {\n  x = ${'{a = '.repeat(40)}1${'}'.repeat(40)}\n}\n`,
  'a long operator chain': `locals {\n  sum = ${Array.from({ length: 60 }, (_, i) => `var.n${i}`).join(' + ')}\n}\n`,
  'nested dynamic blocks': `resource "aws_security_group" "x" {\n${'dynamic "ingress" {\ncontent {\n'.repeat(12)}${'}\n}\n'.repeat(12)}}\n`,
  'an ordinary resource beside a deep one': `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags = { a = "1" }\n}\nlocals {\n  l = ${'['.repeat(50)}1${']'.repeat(50)}\n}\n`,
};

describe('exceedsSyntaxDepth', () => {
  before(() => loadTerraformParser());

  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`agrees with a full walk at, just below and just above the true depth: ${name}`, () => {
      const tree = parseHcl(text)!;
      try {
        const deepest = deepestLevel(tree);
        assert.ok(deepest > 10, `sample too shallow (${deepest})`);
        for (const limit of [1, Math.floor(deepest / 2), deepest - 1, deepest, deepest + 1, deepest * 3]) {
          assert.equal(exceedsSyntaxDepth(tree, limit), deepest > limit, `limit ${limit}, deepest ${deepest}`);
        }
      } finally {
        tree.delete();
      }
    });
  }
});
