import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { packageRoot } from '../../../server/src/docs/package-root';
import { firstParagraph, RuleDocs, sections, summarizeRuleDoc } from '../../../server/src/docs/rule-docs';
import { explainCommandUri } from '../../../server/src/lsp/explain-links';
import { escapeMarkdown, hoverFor } from '../../../server/src/lsp/hover';
import { lint, testEngine } from '../../helpers/engine';

const EN_DOC = `# dockerfile/root-user

Run the final image as a non-root user

## What it checks

The final stage's user.

## Why it matters

<a id="why"></a>
A process running as **root** inside a container is root on the
node's kernel too, see [least privilege](../../../skills/4.4.1.en.md#least-privilege).

Second paragraph that the hover leaves out.

## How to fix

\`\`\`dockerfile before
FROM alpine
## not a heading
\`\`\`

Add a \`USER\` with a numeric uid before \`CMD\`.

## When to suppress

Never.

## Options

None.
`;

const JA_DOC = EN_DOC.replace('## Why it matters', '## なぜ重要か').replace('## How to fix', '## 修正方法')
  .replace('A process running as', 'root で動くプロセスは').replace('Add a', '数値の uid で');

describe('rule doc summaries for hovers', () => {
  it('reads the title and the first paragraph of "why" and of "how to fix", links reduced to their text', () => {
    assert.deepEqual(summarizeRuleDoc(EN_DOC, 'en'), {
      title: 'Run the final image as a non-root user',
      why: "A process running as **root** inside a container is root on the node's kernel too, see least privilege.",
      fix: 'Add a `USER` with a numeric uid before `CMD`.',
    });
    assert.match(summarizeRuleDoc(JA_DOC, 'ja').why ?? '', /^root で動くプロセスは/);
    assert.match(summarizeRuleDoc(JA_DOC, 'ja').fix ?? '', /^数値の uid で/);
  });

  it('a `## ` line inside a code block is not a section', () => {
    const found = sections(EN_DOC);
    assert.deepEqual([...found.keys()], ['What it checks', 'Why it matters', 'How to fix', 'When to suppress', 'Options']);
    assert.equal(firstParagraph(['```', 'code', '```', '', '- a list', '']), undefined);
  });

  it('finds the package root from the source tree', () => {
    assert.equal(packageRoot(), resolve(__dirname, '../../..'));
    assert.equal(packageRoot(tmpdir()), undefined);
  });
});

describe('hover on a finding', () => {
  const root = mkdtempSync(join(tmpdir(), 'infracoach-docs-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'rules/docs/dockerfile'), { recursive: true });
  writeFileSync(join(root, 'rules/docs/dockerfile/root-user.en.md'), EN_DOC);
  writeFileSync(join(root, 'rules/docs/dockerfile/root-user.ja.md'), JA_DOC);
  const docs = RuleDocs.load(root, ['dockerfile/root-user', 'dockerfile/no-multi-stage']);
  const DOCKERFILE = 'FROM alpine:3.20\nCMD ["sh"]\n';

  it('shows the rule title, message, why, fix, skill and a command link to the full page', async () => {
    const engine = await testEngine();
    const findings = (await lint('/w/Dockerfile', DOCKERFILE)).filter((finding) => finding.ruleId === 'dockerfile/root-user');
    const hover = hoverFor(engine, findings, findings[0].range.start, { locale: 'en', docs, explainCommandLinks: true });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /^\*\*Run the final image as a non-root user\*\* · `dockerfile\/root-user`/);
    assert.match(value, /\*\*Why it matters:\*\* A process running as \*\*root\*\*/);
    assert.match(value, /\*\*How to fix:\*\* Add a `USER` with a numeric uid before `CMD`\. A quick fix is available/);
    assert.match(value, /_Skill: 4\.4\.1 Cloud, container and API security › Least privilege_ · \[Open the full explanation\]\(command:infracoach\.explainSkill\?%5B%7B%22ruleId%22%3A%22dockerfile%2Froot-user%22%7D%5D\)/);
  });

  it('in Japanese, and with the https docs link for clients that do not run our command', async () => {
    const engine = await testEngine();
    const findings = (await lint('/w/Dockerfile', DOCKERFILE, { locale: 'ja' })).filter((finding) => finding.ruleId === 'dockerfile/root-user');
    const value = (hoverFor(engine, findings, findings[0].range.start, { locale: 'ja', docs, explainCommandLinks: false })?.contents as { value: string }).value;
    assert.match(value, /\*\*なぜ重要か:\*\* root で動くプロセスは/);
    assert.match(value, /_スキル: 4\.4\.1 クラウド・コンテナ・API のセキュリティ › 最小権限_ · \[詳しい説明を開く\]\(https:\/\/.+dockerfile\/root-user\)/);
  });

  it('without a doc, the hover still has the message and the link', async () => {
    const engine = await testEngine();
    const findings = (await lint('/w/Dockerfile', DOCKERFILE)).filter((finding) => finding.ruleId === 'dockerfile/root-user');
    const value = (hoverFor(engine, findings, findings[0].range.start, { locale: 'en', docs: RuleDocs.empty(), explainCommandLinks: true })?.contents as { value: string }).value;
    assert.doesNotMatch(value, /Why it matters/);
    assert.match(value, /USER/);
    assert.match(value, /command:infracoach\.explainSkill/);
    assert.equal(hoverFor(engine, findings, { line: 9, character: 0 }, { locale: 'en', docs, explainCommandLinks: true }), null);
  });

  it('finding messages cannot inject Markdown links or HTML', () => {
    assert.equal(escapeMarkdown('[x](command:evil) <b>*y*</b> `z`'), '\\[x\\]\\(command:evil\\) \\<b\\>\\*y\\*\\</b\\> \\`z\\`');
  });
});

describe('command links for the Problems panel and hovers', () => {
  it('carry only the rule id, and survive VS Code re-parsing the unencoded link text', () => {
    const uri = explainCommandUri('kubernetes/missing-resource-limits');
    assert.match(uri, /^command:infracoach\.explainSkill\?/);
    // The Problems panel opens `URI.toString(true)`: the query decoded, then parsed again as a URI.
    const unencoded = decodeURIComponent(uri);
    const query = /^[^?#]*\?([^#]*)$/.exec(unencoded)?.[1];
    assert.ok(query !== undefined, 'no `#` cuts the query short');
    assert.deepEqual(JSON.parse(query), [{ ruleId: 'kubernetes/missing-resource-limits' }]);
  });
});
