import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, findingsHtml, MAX_LISTED_FINDINGS, pageHtml, type PanelFinding } from '../../../client/src/panel/html';

const HOSTILE = '<script>alert(1)</script>"\'&<img src=x onerror=alert(1)>';

function finding(overrides: Partial<PanelFinding> = {}): PanelFinding {
  return { file: 'src/Dockerfile', line: 3, message: 'Add a USER.', ruleId: 'dockerfile/root-user', severity: 'warning', ...overrides };
}

describe('panel HTML', () => {
  it('the CSP allows nothing remote, scripts only by nonce, styles only from the extension', () => {
    const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', 'abc123');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.match(csp, /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https:(?!\/\/file)/);
  });

  it('workspace file names and messages are escaped in the findings list', () => {
    const html = findingsHtml([finding({ file: `${HOSTILE}.yaml`, message: HOSTILE, ruleId: HOSTILE, line: 7 })], 'en', 'skill');
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&#39;&amp;&lt;img src=x onerror=alert\(1\)&gt;\.yaml:7/);
    assert.match(html, /data-finding="0"/);
    assert.match(html, /Findings in this workspace for this skill \(1\)/);
  });

  it('the findings list is bounded and says how many more there are, in the page language', () => {
    const many = Array.from({ length: MAX_LISTED_FINDINGS + 5 }, (_, index) => finding({ line: index + 1 }));
    const html = findingsHtml(many, 'ja', 'rule');
    assert.equal([...html.matchAll(/data-finding=/g)].length, MAX_LISTED_FINDINGS);
    assert.match(html, /ほか 5 件/);
    assert.match(html, /このルールの指摘 \(205\)/);
    assert.match(findingsHtml([], 'en', 'rule'), /No findings here/);
  });

  it('the page document carries the CSP, nonce-only script, escaped attributes and the page key', () => {
    const html = pageHtml({
      cspSource: 'vscode-webview://x" onload="alert(1)',
      nonce: 'n0nce',
      styleUri: 'https://x/panel.css"><script>',
      scriptUri: 'https://x/panel.js',
      locale: 'en',
      pageKey: 'skill:4.4.1',
      anchor: 'least-privilege"><script>',
      notice: HOSTILE,
      bodyHtml: '<h1 id="t">Title</h1>',
      findingsHtml: findingsHtml([], 'en', 'skill'),
      canGoBack: false,
      otherLanguageAvailable: true,
    });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src vscode-webview:\/\/x&quot; onload=&quot;alert\(1\)/);
    assert.equal([...html.matchAll(/<script/g)].length, 1, 'exactly one script element');
    assert.match(html, /<script nonce="n0nce" src="https:\/\/x\/panel.js"><\/script>/);
    assert.match(html, /<body data-page="skill:4.4.1" data-anchor="least-privilege&quot;&gt;&lt;script&gt;">/);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/x\/panel.css&quot;&gt;&lt;script&gt;">/);
    assert.match(html, /<button type="button" data-action="back" title="Back" disabled>Back<\/button>/);
    assert.match(html, /data-action="language" title="Show this page in Japanese">日本語<\/button>/);
    assert.match(html, /<p class="notice">&lt;script&gt;/);
    assert.doesNotMatch(html, /style=/, 'no inline styles (the CSP would block them)');
  });
});
