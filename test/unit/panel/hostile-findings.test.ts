import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsHtml, type PanelFinding } from '../../../client/src/panel/html';
import { escapeHtml } from '../../../client/src/panel/markdown-inline';
import { Random } from '../fuzz/random';

/** Pieces of hostile workspace text: markup, attribute breakers, script URLs, and the fuzzer's odd characters. */
const PIECES = [
  '<', '>', '"', "'", '&', '`', '</li>', '</ul><script>alert(1)</script>', '" onmouseover="alert(1)', "' autofocus onfocus='x", 'javascript:alert(1)',
  '&lt;', '&#60;', '<!--', ']]>', '<img src=x onerror=alert(1)>', '\0', '\n', '\r', '\u2028', '\u202e', '\u200b', '\ud800', '\udc00', '😀', 'デプロイ', 'a b',
];

/** The tags and attributes `findingsHtml` itself writes; everything else must arrive escaped. */
const OWN_MARKUP = /<\/?(?:h2|p|ul|li|span|a|code)(?: (?:id|class|tabindex|role|data-finding)="[^"<>]*")*>/g;

describe('panel: hostile workspace text in the findings list', () => {
  it('hundreds of random hostile file names, messages and rule ids come out escaped', () => {
    const random = new Random(7);
    const hostile = () => Array.from({ length: random.between(1, 6) }, () => random.pick(PIECES)).join('');
    for (let round = 0; round < 300; round++) {
      const finding: PanelFinding = { file: `${hostile()}/Dockerfile`, line: random.between(1, 500), message: hostile(), ruleId: hostile(), severity: 'warning' };
      const html = findingsHtml([finding], random.chance(0.5) ? 'en' : 'ja', random.chance(0.5) ? 'skill' : 'rule');
      const outside = html.replace(OWN_MARKUP, '');
      assert.doesNotMatch(outside, /[<>"']/, `unescaped markup for ${JSON.stringify(finding)}`);
      for (const text of [finding.file, finding.message, finding.ruleId]) assert.ok(html.includes(escapeHtml(text)), `${JSON.stringify(text)} is shown, escaped`);
      assert.doesNotMatch(html, /href=/, 'findings navigate through the extension, never by href');
    }
  });
});
