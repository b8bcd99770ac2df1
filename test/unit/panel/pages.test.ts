import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPage, type PageReader } from '../../../client/src/panel/pages';
import { allRules } from '../../../rules';
import { catalog } from '../../../server/src/lsp/catalog';

const CATALOG = catalog(allRules, 'en');
const reader = (files: Record<string, string>): PageReader => async (path) => files[path];

describe('panel pages and their fallbacks', () => {
  it('shows a skill page in the requested language, scrolled to the topic', async () => {
    const page = await loadPage(CATALOG, { page: { kind: 'skill', id: '4.4.1', locale: 'ja' }, anchor: 'least-privilege' }, reader({ 'skills/4.4.1.ja.md': '# セキュリティ\n', 'skills/4.4.1.en.md': '# Security\n' }));
    assert.ok(page);
    assert.deepEqual(page.page, { kind: 'skill', id: '4.4.1', locale: 'ja' });
    assert.equal(page.markdown, '# セキュリティ\n');
    assert.equal(page.title, 'クラウド・コンテナ・API のセキュリティ');
    assert.equal(page.anchor, 'least-privilege');
    assert.equal(page.notice, undefined);
    assert.deepEqual(page.scope, { kind: 'skill', skillId: '4.4.1' });
  });

  it('falls back to the other language with a notice in the requested one', async () => {
    const page = await loadPage(CATALOG, { page: { kind: 'skill', id: '4.4.1', locale: 'ja' } }, reader({ 'skills/4.4.1.en.md': '# Security\n' }));
    assert.equal(page?.path, 'skills/4.4.1.en.md');
    assert.match(page?.notice ?? '', /英語版を表示/);
  });

  it('shows a rule doc with a banner linking its skill topic', async () => {
    const page = await loadPage(CATALOG, { page: { kind: 'rule', id: 'dockerfile/root-user', locale: 'en' } }, reader({ 'rules/docs/dockerfile/root-user.en.md': '# dockerfile/root-user\n\nRun as non-root\n' }));
    assert.equal(page?.path, 'rules/docs/dockerfile/root-user.en.md');
    assert.equal(page?.title, 'Run the final image as a non-root user');
    assert.equal(page?.bannerMarkdown, 'Skill: [4.4.1 Cloud, container and API security › Least privilege](/skills/4.4.1.en.md#least-privilege)');
    assert.deepEqual(page?.scope, { kind: 'rule', ruleId: 'dockerfile/root-user' });
  });

  it('a rule without a doc shows its skill topic instead', async () => {
    const page = await loadPage(CATALOG, { page: { kind: 'rule', id: 'dockerfile/root-user', locale: 'en' } }, reader({ 'skills/4.4.1.en.md': '# Security\n' }));
    assert.deepEqual(page?.page, { kind: 'skill', id: '4.4.1', locale: 'en' });
    assert.equal(page?.anchor, 'least-privilege');
  });

  it('a skill without a page gets a generated one with its topics and rules', async () => {
    const page = await loadPage(CATALOG, { page: { kind: 'skill', id: '4.1.1', locale: 'en' } }, reader({}));
    assert.match(page?.markdown ?? '', /^# Containers and Kubernetes\n\nThis page has not been written yet\./);
    assert.match(page?.markdown ?? '', /<a id="multi-stage-builds"><\/a>\n## Multi-stage builds/);
    assert.match(page?.markdown ?? '', /- \[.+\]\(\/rules\/docs\/dockerfile\/no-multi-stage\.en\.md\) `dockerfile\/no-multi-stage`/);
  });

  it('unknown skills and rules show nothing', async () => {
    assert.equal(await loadPage(CATALOG, { page: { kind: 'skill', id: '9.9.9', locale: 'en' } }, reader({ 'skills/9.9.9.en.md': 'x' })), undefined);
    assert.equal(await loadPage(CATALOG, { page: { kind: 'rule', id: 'dockerfile/nope', locale: 'en' } }, reader({})), undefined);
  });
});
