/**
 * Oracle test: the values our tree-sitter HCL reader extracts must agree with hcl2-parser (HashiCorp's Go HCL
 * compiled to JS) on every file of the real-world corpus. We keep tree-sitter for the editor (positions, error
 * recovery, speed); hcl2-parser is only the referee here.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { HclBlock } from '../../server/src/engine/terraform/hcl';
import { parseTerraform, type TerraformDocument } from '../../server/src/engine/terraform/parse';
import { evaluate, type HclValue } from '../../server/src/engine/terraform/values';
import { testEngine } from '../helpers/engine';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const hcl2 = require('hcl2-parser') as { parseToObject(text: string): [unknown, unknown] };

const CORPUS = resolve(__dirname, '../../../shared/corpus/terraform');

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** Our value as plain JSON, or undefined when any part of it is only known at plan time. */
function plain(value: HclValue | undefined): Plain | undefined {
  if (!value || value.viaReference) return undefined;
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return value.value;
    case 'null':
      return null;
    case 'tuple': {
      const items = value.items.map(plain);
      return items.every((item) => item !== undefined) ? (items as Plain[]) : undefined;
    }
    case 'object': {
      const entries = [...value.entries].map(([key, item]) => [key, plain(item)] as const);
      return entries.every(([, item]) => item !== undefined) ? Object.fromEntries(entries) as Plain : undefined;
    }
    default:
      return undefined;
  }
}

interface Tally {
  compared: number;
  agreed: number;
  disagreements: string[];
}

/** Compares a block's literal attributes with hcl2-parser's object for it, then its nested blocks in order. */
function compareBlock(document: TerraformDocument, block: HclBlock, oracle: unknown, where: string, tally: Tally): void {
  if (!oracle || typeof oracle !== 'object') return;
  const expected = oracle as Record<string, unknown>;
  for (const attribute of block.attributes.values()) {
    const ours = plain(evaluate(attribute.expression, document, document.module));
    if (ours === undefined || !(attribute.name in expected)) continue;
    tally.compared++;
    try {
      assert.deepEqual(ours, expected[attribute.name]);
      tally.agreed++;
    } catch {
      tally.disagreements.push(`${where}.${attribute.name}: ours ${JSON.stringify(ours)} vs hcl2-parser ${JSON.stringify(expected[attribute.name])}`);
    }
  }
  const seen = new Map<string, number>();
  for (const child of block.blocks) {
    const key = [child.type, ...child.labels].join('\u0000');
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    let target: unknown = expected[child.type];
    for (const label of child.labels) target = target && typeof target === 'object' ? (target as Record<string, unknown>)[label] : undefined;
    if (Array.isArray(target)) compareBlock(document, child, target[index], `${where}.${child.type}[${index}]`, tally);
  }
}

/** Top-level blocks as hcl2-parser nests them: `resource.<type>.<name>[i]`, `locals[i]`, `terraform[i]`. */
function compareFile(document: TerraformDocument, oracle: Record<string, unknown>, name: string, tally: Tally): void {
  const seen = new Map<string, number>();
  for (const block of document.blocks) {
    const key = [block.type, ...block.labels].join('\u0000');
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    let target: unknown = oracle[block.type];
    for (const label of block.labels) target = target && typeof target === 'object' ? (target as Record<string, unknown>)[label] : undefined;
    if (Array.isArray(target)) compareBlock(document, block, target[index], `${name}:${[block.type, ...block.labels].join('.')}[${index}]`, tally);
  }
}

describe('HCL reader agrees with hcl2-parser on the corpus', () => {
  it('extracts the same literal values', { skip: existsSync(CORPUS) ? false : `corpus not found at ${CORPUS}` }, async () => {
    await testEngine();
    const tally: Tally = { compared: 0, agreed: 0, disagreements: [] };
    let files = 0;
    const skipped: string[] = [];
    for (const repository of readdirSync(CORPUS).sort()) {
      const folder = join(CORPUS, repository);
      if (!statSync(folder).isDirectory()) continue;
      for (const name of readdirSync(folder).filter((file) => file.endsWith('.tf')).sort()) {
        const text = readFileSync(join(folder, name), 'utf8');
        let oracle: unknown;
        try {
          const [parsed, error] = hcl2.parseToObject(text);
          oracle = error ? undefined : parsed;
        } catch {
          oracle = undefined;
        }
        if (!oracle || typeof oracle !== 'object') {
          skipped.push(`${repository}/${name}`);
          continue;
        }
        files++;
        const document = parseTerraform(`/corpus/${repository}/${name}`, text);
        try {
          compareFile(document, oracle as Record<string, unknown>, `${repository}/${name}`, tally);
        } finally {
          document.dispose();
        }
      }
    }
    console.log(`hcl2-parser oracle: ${files} files compared, ${skipped.length} skipped (hcl2-parser could not parse them); `
      + `${tally.agreed}/${tally.compared} literal values agree`);
    assert.ok(tally.compared > 1000, `expected a meaningful number of comparisons, got ${tally.compared}`);
    assert.deepEqual(tally.disagreements.slice(0, 20), [], `${tally.disagreements.length} disagreements`);
  });
});
