import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseTerraform } from '../../../server/src/engine/terraform/parse';
import { SiblingCache } from '../../../server/src/engine/terraform/sibling-cache';
import { loadTerraformParser } from '../../../server/src/engine/terraform/tree-sitter';
import { memoryWorkspace } from '../../helpers/engine';

const VARIABLE = 'variable "cidr" {\n  default = "10.0.0.0/8"\n}\n';

describe('Terraform sibling cache', () => {
  before(() => loadTerraformParser());

  it('keeps the folder in use whole, however large, and drops other folders beyond the budget, oldest first', () => {
    const files: Record<string, string> = {};
    for (const folder of ['a', 'b', 'c']) for (let i = 0; i < 3; i++) files[`/m/${folder}/f${i}.tf`] = VARIABLE;
    const workspace = memoryWorkspace(files);
    // Room for two files of other folders.
    const cache = new SiblingCache(VARIABLE.length * 2);
    const inA = cache.siblingsOf('/m/a/f0.tf', workspace);
    assert.equal(inA.length, 2);
    assert.strictEqual(cache.siblingsOf('/m/a/f0.tf', workspace)[0], inA[0], 'unchanged siblings are reused');
    const generation = cache.generation;
    cache.siblingsOf('/m/b/f0.tf', workspace);
    assert.equal(cache.generation, generation, 'a and b fit: nothing released yet');
    cache.siblingsOf('/m/c/f0.tf', workspace);
    assert.ok(cache.generation > generation, 'the oldest folder was released');
    // b was used more recently than a: a's files went first, and were parsed again when asked for.
    assert.notStrictEqual(cache.siblingsOf('/m/a/f0.tf', workspace)[0], inA[0]);
  });

  it('a document re-reads its siblings once the cache has released trees it handed out', () => {
    const files = { '/m/a/main.tf': 'resource "x" "y" {}\n', '/m/a/variables.tf': VARIABLE, '/m/b/main.tf': VARIABLE, '/m/b/other.tf': VARIABLE };
    const workspace = memoryWorkspace(files);
    const cache = new SiblingCache(0);
    const document = parseTerraform('/m/a/main.tf', files['/m/a/main.tf'], workspace, cache);
    const first = document.siblings()[0];
    assert.strictEqual(document.siblings()[0], first);
    cache.siblingsOf('/m/b/main.tf', workspace);
    const again = document.siblings()[0];
    assert.notStrictEqual(again, first);
    assert.equal(again.blocks[0].labels[0], 'cidr');
    assert.ok(document.module.variableDefault('cidr'));
    document.dispose();
    cache.clear();
  });
});
