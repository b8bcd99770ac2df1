import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments, type Alias } from 'yaml';
import { aliasTargets, MAX_NESTING_DEPTH, unanalysableReason } from '../../../server/src/engine/kubernetes/yaml-bounds';
import { mapGet } from '../../../server/src/engine/kubernetes/yaml-ast';
import type { LintResult } from '../../../server/src/engine/engine';
import { testEngine } from '../../helpers/engine';

/** Hostile inputs must finish far below this; before the bounds, several of them ran for minutes. */
const GENEROUS_MS = 3_000;

const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', ''].join('\n');

async function lintTimed(text: string): Promise<{ result: LintResult; ms: number }> {
  const engine = await testEngine();
  const started = performance.now();
  const result = engine.lint({ path: '/hostile/manifest.yaml', text });
  return { result, ms: performance.now() - started };
}

/** The classic "billion laughs": ten levels of nine aliases each, 9^10 values once expanded. */
function billionLaughs(): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: laughs}', 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level <= 10; level++) lines.push(`l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
  lines.push('spec:', '  containers:', '    - name: web', '      image: nginx', '      args: *l10', '');
  return lines.join('\n');
}

function limitFindings(result: LintResult): number {
  return result.findings.filter((finding) => finding.ruleId === 'kubernetes/missing-resource-limits').length;
}

describe('hostile YAML', () => {
  it('an alias bomb is not analysed: one notice, no findings, no hang', async () => {
    const { result, ms } = await lintTimed(billionLaughs());
    assert.ok(ms < GENEROUS_MS, `took ${ms} ms`);
    assert.deepEqual(result.notices.map((notice) => notice.code), ['infracoach/not-analysed']);
    assert.match(result.notices[0].message, /alias/);
    assert.deepEqual(result.notices[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'apiVersion: v1'.length } });
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.ruleErrors, []);
  });

  it('the other documents of the file are still checked, and the notice points at the bomb', async () => {
    const text = `${POD}---\n${billionLaughs()}---\n${POD}`;
    const { result } = await lintTimed(text);
    assert.equal(limitFindings(result), 2);
    assert.equal(result.notices.length, 1);
    assert.equal(result.notices[0].range.start.line, POD.split('\n').length);
  });

  it('several bombs in one file give one notice that counts them', async () => {
    const { result } = await lintTimed([billionLaughs(), billionLaughs(), billionLaughs()].join('---\n'));
    assert.equal(result.notices.length, 1);
    assert.match(result.notices[0].message, /2 more document/);
  });

  it('merge keys that double at every level are a bomb too', async () => {
    const lines = ['apiVersion: v1', 'kind: Pod', 'm0: &m0 {a: 1}'];
    for (let level = 1; level <= 60; level++) lines.push(`m${level}: &m${level} {<<: [*m${level - 1}, *m${level - 1}]}`);
    lines.push('spec: {<<: *m60}', '');
    const { result, ms } = await lintTimed(lines.join('\n'));
    assert.ok(ms < GENEROUS_MS, `took ${ms} ms`);
    assert.deepEqual(result.notices.map((notice) => notice.code), ['infracoach/not-analysed']);
  });

  it('an alias inside its own anchor (a cycle) is not analysed', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec: &spec\n  containers:\n    - name: web\n      image: nginx\n      env: *spec\n';
    const { result } = await lintTimed(text);
    assert.deepEqual(result.notices.map((notice) => notice.code), ['infracoach/not-analysed']);
    assert.deepEqual(result.ruleErrors, []);
  });

  it('ordinary anchors and merge keys are analysed as before', async () => {
    const text = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers:',
      '        - &base', '          name: web', '          image: nginx:1.27', '        - <<: *base', '          name: sidecar', '',
    ].join('\n');
    const { result } = await lintTimed(text);
    assert.deepEqual(result.notices, []);
    assert.equal(limitFindings(result), 2);
  });

  it('thousands of documents in one file are all checked, in bounded time', async () => {
    const { result, ms } = await lintTimed(Array(3_000).fill(POD).join('---\n'));
    assert.ok(ms < GENEROUS_MS * 3, `took ${ms} ms`);
    assert.equal(limitFindings(result), 3_000);
    assert.deepEqual(result.ruleErrors, []);
  });

  it('200 levels of nesting are analysed; beyond the depth bound the document is not', async () => {
    const nested = (depth: number) => {
      let text = '';
      for (let level = 0; level < depth; level++) text += `${'  '.repeat(level + 1)}k${level}:\n`;
      return text + `${'  '.repeat(depth + 1)}leaf: 1\n`;
    };
    const deep = await lintTimed(`${POD}  extra:\n${nested(200)}`);
    assert.deepEqual(deep.result.notices, []);
    assert.equal(limitFindings(deep.result), 1);
    assert.deepEqual(deep.result.ruleErrors, []);

    const tooDeep = await lintTimed(`apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(MAX_NESTING_DEPTH + 10)}${']'.repeat(MAX_NESTING_DEPTH + 10)}\n---\n${POD}`);
    assert.deepEqual(tooDeep.result.notices.map((notice) => notice.code), ['infracoach/not-analysed']);
    assert.match(tooDeep.result.notices[0].message, /nested/);
    assert.equal(limitFindings(tooDeep.result), 1);
  });

  it('thousands of aliases resolve in linear time', async () => {
    let text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: &name web}\nspec:\n  containers:\n';
    for (let i = 0; i < 5_000; i++) text += `    - name: *name\n      image: *name\n`;
    const { result, ms } = await lintTimed(text);
    assert.ok(ms < GENEROUS_MS * 2, `took ${ms} ms`);
    assert.equal(limitFindings(result), 5_000);
  });
});

describe('alias resolution and bounds', () => {
  it('an alias refers to the last anchor of its name before it', () => {
    const [document] = parseAllDocuments('a: &x 1\nb: *x\nc: &x 2\nd: *x\n');
    const values = [...aliasTargets(document).entries()].map(([alias, target]) => [(alias as Alias).source, target?.toJSON()]);
    assert.deepEqual(values, [['x', 1], ['x', 2]]);
  });

  it('an alias to an unknown anchor resolves to nothing', () => {
    const [document] = parseAllDocuments('a: *missing\n');
    assert.deepEqual([...aliasTargets(document).values()], [undefined]);
    assert.equal(unanalysableReason(document), undefined);
  });

  it('mapGet searches a shared merge source once', () => {
    const lines = ['base: &b0 {x: 1}'];
    for (let level = 1; level <= 6; level++) lines.push(`l${level}: &b${level} {<<: [*b${level - 1}, *b${level - 1}, *b${level - 1}]}`);
    lines.push('top: {<<: *b6}');
    const [document] = parseAllDocuments(lines.join('\n'));
    const top = mapGet(document, document.contents as never, 'top');
    assert.ok(top);
    assert.equal(mapGet(document, top.value as never, 'missing'), undefined);
    assert.equal((mapGet(document, top.value as never, 'x')?.value as { value: number }).value, 1);
  });
});
