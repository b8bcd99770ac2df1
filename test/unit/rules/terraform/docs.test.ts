import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { terraformRules } from '../../../../rules/terraform';
import { docsPaths } from '../../../../server/src/engine/rule';
import { hasJapanese, outline, sectionText } from '../../../helpers/markdown';
import { lint } from '../../../helpers/engine';

const ROOT = resolve(__dirname, '../../../..');

const HEADINGS = {
  en: ['What it checks', 'Why it matters', 'How to fix', 'When to suppress', 'Options'],
  ja: ['チェック内容', 'なぜ重要か', '修正方法', '抑制してよい場合', 'オプション'],
} as const;

describe('Terraform rule docs', () => {
  for (const rule of terraformRules) {
    for (const locale of ['en', 'ja'] as const) {
      it(`${rule.id} (${locale})`, async () => {
        const path = join(ROOT, docsPaths(rule.id)[locale]);
        assert.ok(existsSync(path), `${path} exists`);
        const text = readFileSync(path, 'utf8');
        const doc = outline(text);
        assert.equal(doc.lines[0], `# ${rule.id}`);
        assert.equal(doc.lines[1], '');
        assert.equal(doc.lines[2], rule.title[locale]);
        assert.deepEqual(doc.headings.filter((heading) => heading.level === 2).map((heading) => heading.text), HEADINGS[locale]);

        const [skillId, slug] = rule.skill.split('#');
        const why = sectionText(doc, HEADINGS[locale][1]) ?? '';
        assert.ok(why.includes(`](../../../skills/${skillId}.${locale}.md#${slug})`), 'links its skill topic');

        const fences = doc.fences.filter((fence) => fence.info.startsWith('hcl'));
        const before = fences.filter((fence) => fence.info === 'hcl before');
        const after = fences.filter((fence) => fence.info === 'hcl after');
        assert.equal(before.length, 1, 'one before example');
        assert.equal(after.length, 1, 'one after example');
        const findings = async (code: string) => (await lint('/work/example/main.tf', code)).filter((finding) => finding.ruleId === rule.id);
        assert.ok((await findings(before[0].body)).length > 0, 'the before example triggers the rule');
        assert.deepEqual((await findings(after[0].body)).map((finding) => finding.message), [], 'the after example does not');

        const options = (sectionText(doc, HEADINGS[locale][4]) ?? '').trim();
        const names = Object.keys(rule.options ?? {});
        if (names.length === 0) assert.equal(options, locale === 'en' ? 'None.' : 'なし。');
        for (const name of names) assert.ok(options.includes(`\`${name}\``), `documents option ${name}`);
        if (locale === 'ja') assert.ok(hasJapanese(why) && hasJapanese(sectionText(doc, HEADINGS.ja[0]) ?? ''), 'written in Japanese');
        assert.ok(text.length > (locale === 'en' ? 1500 : 1000), 'a real explanation, not a one-liner');
      });
    }
  }
});
