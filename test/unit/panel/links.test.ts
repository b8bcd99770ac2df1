import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyLink, hrefTo, pageOfPath, pagePath } from '../../../client/src/panel/links';
import { parsePanelMessage } from '../../../client/src/panel/messages';

const SKILL_PAGE = 'skills/4.1.1.en.md';
const RULE_DOC = 'rules/docs/dockerfile/root-user.en.md';

describe('panel links: what a page may link to', () => {
  it('in-page anchors scroll', () => {
    assert.deepEqual(classifyLink(SKILL_PAGE, '#multi-stage-builds'), { kind: 'anchor', anchor: 'multi-stage-builds' });
  });

  it('relative links to skill pages and rule docs navigate inside the panel', () => {
    assert.deepEqual(classifyLink(SKILL_PAGE, '4.4.1.en.md#least-privilege'), { kind: 'page', page: { kind: 'skill', id: '4.4.1', locale: 'en' }, anchor: 'least-privilege' });
    assert.deepEqual(classifyLink(SKILL_PAGE, '../rules/docs/kubernetes/missing-resource-limits.ja.md'), { kind: 'page', page: { kind: 'rule', id: 'kubernetes/missing-resource-limits', locale: 'ja' } });
    assert.deepEqual(classifyLink(RULE_DOC, '../../../skills/4.4.1.en.md#least-privilege'), { kind: 'page', page: { kind: 'skill', id: '4.4.1', locale: 'en' }, anchor: 'least-privilege' });
    assert.deepEqual(classifyLink(RULE_DOC, 'no-multi-stage.en.md'), { kind: 'page', page: { kind: 'rule', id: 'dockerfile/no-multi-stage', locale: 'en' } });
    assert.deepEqual(classifyLink(RULE_DOC, hrefTo({ kind: 'skill', id: '4.1.1', locale: 'ja' }, 'health-probes')), { kind: 'page', page: { kind: 'skill', id: '4.1.1', locale: 'ja' }, anchor: 'health-probes' });
  });

  it('https links leave through the extension; credentials and other schemes do not', () => {
    assert.deepEqual(classifyLink(SKILL_PAGE, 'https://kubernetes.io/docs/concepts/'), { kind: 'external', url: 'https://kubernetes.io/docs/concepts/' });
    assert.deepEqual(classifyLink(SKILL_PAGE, 'HTTPS://Example.COM/a'), { kind: 'external', url: 'https://example.com/a' });
    assert.equal(classifyLink(SKILL_PAGE, 'http://example.com/'), undefined);
    assert.equal(classifyLink(SKILL_PAGE, 'https://user:secret@example.com/'), undefined);
  });

  const refused = [
    'javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>', 'vbscript:x',
    'command:workbench.action.terminal.new', 'command:infracoach.explainSkill', 'file:///etc/passwd', 'vscode://file/etc/passwd',
    'vscode-resource:/x', '//evil.example/skills/4.1.1.en.md', '../../../../etc/passwd', '../../skills/4.1.1.en.md', 'skills/../../x.md',
    '4.1.1.en.md?x=1', '4.1.1.en.md%2F..%2F..%2Fx', '..%2F..%2Fetc%2Fpasswd', '4.1.1.EN.md', '4.1.1.fr.md', 'README.md', '../package.json',
    '../media/panel.js', '../rules/docs/dockerfile/../../../package.json', '../rules/docs/other/x.en.md', '\\\\server\\share',
    '#', '#"><script>', '#a b', '', 'x'.repeat(3000),
  ];
  for (const href of refused) {
    it(`refuses ${JSON.stringify(href).slice(0, 50)}`, () => {
      assert.equal(classifyLink(SKILL_PAGE, href), undefined);
    });
  }

  it('a bad anchor on a good page is dropped, not passed on', () => {
    assert.deepEqual(classifyLink(SKILL_PAGE, '4.4.1.en.md#"><x'), { kind: 'page', page: { kind: 'skill', id: '4.4.1', locale: 'en' } });
    assert.deepEqual(classifyLink(SKILL_PAGE, '4.4.1.en.md#ok-anchor'), { kind: 'page', page: { kind: 'skill', id: '4.4.1', locale: 'en' }, anchor: 'ok-anchor' });
  });

  it('pages map to paths and back, and only ids of the right shape become paths', () => {
    assert.equal(pagePath({ kind: 'skill', id: '4.7.2', locale: 'ja' }), 'skills/4.7.2.ja.md');
    assert.equal(pagePath({ kind: 'rule', id: 'terraform/open-security-group', locale: 'en' }), 'rules/docs/terraform/open-security-group.en.md');
    assert.deepEqual(pageOfPath('skills/4.7.2.ja.md'), { kind: 'skill', id: '4.7.2', locale: 'ja' });
    assert.throws(() => pagePath({ kind: 'skill', id: '../../x', locale: 'en' }));
    assert.throws(() => pagePath({ kind: 'rule', id: 'dockerfile/../../x', locale: 'en' }));
  });
});

describe('panel messages: only exact shapes are accepted from the webview', () => {
  it('accepts the three message types', () => {
    assert.deepEqual(parsePanelMessage({ type: 'navigate', href: '4.4.1.en.md' }), { type: 'navigate', href: '4.4.1.en.md' });
    assert.deepEqual(parsePanelMessage({ type: 'finding', index: 3, extra: 'ignored' }), { type: 'finding', index: 3 });
    assert.deepEqual(parsePanelMessage({ type: 'action', action: 'back' }), { type: 'action', action: 'back' });
  });

  for (const message of [null, undefined, 'navigate', 42, [], { type: 'navigate' }, { type: 'navigate', href: 1 }, { type: 'navigate', href: 'x'.repeat(2001) },
    { type: 'finding', index: -1 }, { type: 'finding', index: 1.5 }, { type: 'finding', index: '1' }, { type: 'finding', index: Number.NaN },
    { type: 'action', action: 'runCommand' }, { type: 'action', action: 'constructor' }, { type: 'command', command: 'workbench.action.terminal.new' }]) {
    it(`drops ${JSON.stringify(message)?.slice(0, 60)}`, () => {
      assert.equal(parsePanelMessage(message), undefined);
    });
  }
});
