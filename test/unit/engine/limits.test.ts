import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from '../../../rules';
import { Engine } from '../../../server/src/engine/engine';
import { DEFAULT_MAX_FILE_SIZE, skipReason, utf8Length } from '../../../server/src/engine/limits';
import { defineRule, type AnyRule } from '../../../server/src/engine/rule';
import { testEngine } from '../../helpers/engine';

const DOCKERFILE = 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n';

/** A Dockerfile rule that reports on the first line and can spend fake time or throw. */
function probeRule(name: string, behaviour: { spend?: () => void; fail?: boolean }): AnyRule {
  return defineRule({
    id: `dockerfile/${name}`,
    language: 'dockerfile',
    defaultSeverity: 'warning',
    skill: '4.1.1#multi-stage-builds',
    title: { en: name, ja: name },
    messages: { found: { en: `${name} found`, ja: `${name} found` } },
    check(context) {
      behaviour.spend?.();
      if (behaviour.fail) throw new Error(`${name} exploded`);
      context.report({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, messageId: 'found' });
    },
  }) as AnyRule;
}

describe('size and type limits', () => {
  it('a file over maxFileSize is skipped with one information notice', async () => {
    const engine = await testEngine();
    const result = engine.lint({ path: '/big/Dockerfile', text: DOCKERFILE }, { maxFileSize: 20 });
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.notices.map((notice) => notice.code), ['infracoach/file-too-large']);
    assert.match(result.notices[0].message, /infracoach\.maxFileSize/);
    assert.deepEqual(result.notices[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } });
    const japanese = engine.lint({ path: '/big/Dockerfile', text: DOCKERFILE }, { maxFileSize: 20, locale: 'ja' });
    assert.match(japanese.notices[0].message, /検査しませんでした/);
  });

  it('the default limit is 2 MB, counted in UTF-8 bytes', async () => {
    const engine = await testEngine();
    const padding = `# ${'x'.repeat(1000)}\n`;
    const justOver = DOCKERFILE + padding.repeat(Math.ceil(DEFAULT_MAX_FILE_SIZE / padding.length));
    assert.equal(engine.lint({ path: '/big/Dockerfile', text: justOver }).notices[0]?.code, 'infracoach/file-too-large');
    assert.equal(skipReason('é'.repeat(DEFAULT_MAX_FILE_SIZE / 2)), undefined);
    assert.equal(skipReason('é'.repeat(DEFAULT_MAX_FILE_SIZE / 2 + 1)), 'too-large');
    assert.ok(engine.lint({ path: '/small/Dockerfile', text: DOCKERFILE }).findings.length > 0);
  });

  it('no fix is offered on an oversized file', async () => {
    const engine = await testEngine();
    const [finding] = engine.lint({ path: '/f/Dockerfile', text: DOCKERFILE }).findings.filter((candidate) => candidate.ruleId === 'dockerfile/root-user');
    assert.ok(engine.fix({ path: '/f/Dockerfile', text: DOCKERFILE }, finding));
    assert.equal(engine.fix({ path: '/f/Dockerfile', text: DOCKERFILE }, finding, { maxFileSize: 20 }), undefined);
  });

  it('binary files (a NUL byte) are skipped silently', async () => {
    const engine = await testEngine();
    const result = engine.lint({ path: '/bin/Dockerfile', text: `${DOCKERFILE}\0\x01\x02` });
    assert.deepEqual(result, { language: 'dockerfile', findings: [], ruleErrors: [], notices: [] });
  });

  it('utf8Length agrees with Buffer.byteLength, surrogates included', () => {
    for (const text of ['', 'abc', 'é', '日本語', '😀', 'a\ud800b', '\udc00', 'x😀y\ud83d']) {
      assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
    }
  });
});

describe('per-file time budget', () => {
  it('stops evaluating rules once the budget is used up and says so', async () => {
    let clock = 0;
    const engine = await Engine.create({
      rules: [probeRule('fast', {}), probeRule('slow', { spend: () => (clock += 600) }), probeRule('late-a', {}), probeRule('late-b', {})],
      clock: () => clock,
    });
    const result = engine.lint({ path: '/t/Dockerfile', text: DOCKERFILE }, { timeBudgetMs: 500 });
    assert.deepEqual(result.findings.map((finding) => finding.ruleId), ['dockerfile/fast', 'dockerfile/slow']);
    assert.deepEqual(result.notices.map((notice) => notice.code), ['infracoach/time-budget']);
    assert.match(result.notices[0].message, /500 ms; 2 rule\(s\) did not run/);
    engine.dispose();
  });

  it('within the budget every rule runs and there is no notice', async () => {
    let clock = 0;
    const engine = await Engine.create({ rules: [probeRule('a', { spend: () => (clock += 10) }), probeRule('b', {})], clock: () => clock });
    const result = engine.lint({ path: '/t/Dockerfile', text: DOCKERFILE });
    assert.equal(result.findings.length, 2);
    assert.deepEqual(result.notices, []);
    engine.dispose();
  });
});

describe('rule isolation', () => {
  it('a throwing rule affects only itself: the error is returned once and the other rules still report', async () => {
    const engine = await Engine.create({ rules: [probeRule('broken', { fail: true }), ...allRules] });
    const result = engine.lint({ path: '/iso/Dockerfile', text: DOCKERFILE });
    assert.deepEqual(result.ruleErrors.map((failure) => failure.ruleId), ['dockerfile/broken']);
    assert.match(String(result.ruleErrors[0].error), /broken exploded/);
    const reported = new Set(result.findings.map((finding) => finding.ruleId));
    assert.ok(reported.has('dockerfile/root-user') && reported.has('dockerfile/no-multi-stage'), [...reported].join(', '));
    engine.dispose();
  });
});
