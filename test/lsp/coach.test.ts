import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Catalog } from '../../server/src/lsp/catalog';
import { LspTestClient } from '../helpers/lsp-client';

const DOCKERFILE = 'FROM alpine:3.20\nCMD ["sh"]\n';

describe('language server: coaching links and the catalog', () => {
  let vscodeLike: LspTestClient;
  let plain: LspTestClient;
  before(async () => {
    [vscodeLike, plain] = await Promise.all([
      LspTestClient.start({ locale: 'ja', initializationOptions: { language: 'auto', explainCommandLinks: true } }),
      LspTestClient.start(),
    ]);
  });
  after(async () => {
    await Promise.all([vscodeLike.stop(), plain.stop()]);
  });

  it('a client that runs our command gets command links in diagnostics and hovers', async () => {
    const uri = 'file:///tmp/infracoach-lsp/coach/Dockerfile';
    const diagnostic = (await vscodeLike.open(uri, 'dockerfile', DOCKERFILE)).find((candidate) => candidate.code === 'dockerfile/root-user');
    assert.ok(diagnostic);
    assert.equal(diagnostic.codeDescription?.href, 'command:infracoach.explainSkill?%5B%7B%22ruleId%22%3A%22dockerfile%2Froot-user%22%7D%5D');
    const hover = await vscodeLike.hover(uri, diagnostic.range.start);
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /\[詳しい説明を開く\]\(command:infracoach\.explainSkill\?/);
    await vscodeLike.close(uri);
  });

  it('other clients keep the https docs link', async () => {
    const uri = 'file:///tmp/infracoach-lsp/coach-plain/Dockerfile';
    const diagnostic = (await plain.open(uri, 'dockerfile', DOCKERFILE)).find((candidate) => candidate.code === 'dockerfile/root-user');
    assert.match(diagnostic?.codeDescription?.href ?? '', /^https:\/\/.+\/dockerfile\/root-user$/);
    const value = ((await plain.hover(uri, diagnostic!.range.start))?.contents as { value: string }).value;
    assert.doesNotMatch(value, /command:/);
    await plain.close(uri);
  });

  it('the catalog has both languages of every skill and rule, and the resolved locale', async () => {
    const catalog = await vscodeLike.connection.sendRequest<Catalog>('infracoach/catalog');
    assert.equal(catalog.locale, 'ja');
    assert.equal(catalog.skills.length, 17);
    const skill = catalog.skills.find((candidate) => candidate.id === '4.4.1');
    assert.deepEqual(skill?.pages, { en: 'skills/4.4.1.en.md', ja: 'skills/4.4.1.ja.md' });
    assert.ok(skill?.topics.some((topic) => topic.id === '4.4.1#least-privilege' && topic.title.ja === '最小権限'));
    const rule = catalog.rules.find((candidate) => candidate.id === 'dockerfile/root-user');
    assert.equal(rule?.skill, '4.4.1#least-privilege');
    assert.deepEqual(rule?.docs, { en: 'rules/docs/dockerfile/root-user.en.md', ja: 'rules/docs/dockerfile/root-user.ja.md' });
    assert.equal((await plain.connection.sendRequest<Catalog>('infracoach/catalog')).locale, 'en');
  });
});
