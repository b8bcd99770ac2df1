/**
 * Every registered rule is documented in English and Japanese with the fixed headings, its examples do what
 * the doc says (the `before` block triggers the rule, the `after` block does not), its "why" section links
 * its skill topic, and every message and title is translated.
 *
 * Example blocks are linted as /work/Dockerfile, /work/example.yaml or /work/main.tf in a workspace holding
 * only that file. A rule that reads neighbouring files can add them with extra blocks whose info string ends
 * in `file=<name>`, e.g. `text after file=.dockerignore`: they join the workspace of that example only.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../rules';
import { docsPaths, type AnyRule } from '../../server/src/engine/rule';
import { skillIdOf, skillPagePaths, TOPICS } from '../../server/src/engine/skills';
import type { Language, Locale, LocalizedText } from '../../server/src/engine/types';
import { lint, memoryWorkspace, syntaxErrors } from '../helpers/engine';
import { hasJapanese, isRelativeFileLink, outline, sectionText, type FencedBlock, type MarkdownOutline } from '../helpers/markdown';

const ROOT = resolve(__dirname, '../..');
const LOCALES: readonly Locale[] = ['en', 'ja'];

const RULE_DOC_HEADINGS: Record<Locale, readonly string[]> = {
  en: ['What it checks', 'Why it matters', 'How to fix', 'When to suppress', 'Options'],
  ja: ['チェック内容', 'なぜ重要か', '修正方法', '抑制してよい場合', 'オプション'],
};

const NO_OPTIONS: Record<Locale, string> = { en: 'None.', ja: 'なし。' };

const EXAMPLE: Record<Language, { fence: string; path: string }> = {
  dockerfile: { fence: 'dockerfile', path: '/work/Dockerfile' },
  kubernetes: { fence: 'yaml', path: '/work/example.yaml' },
  terraform: { fence: 'hcl', path: '/work/main.tf' },
};

function readDoc(path: string): MarkdownOutline | undefined {
  const absolute = join(ROOT, path);
  return existsSync(absolute) ? outline(readFileSync(absolute, 'utf8')) : undefined;
}

function exampleBlock(doc: MarkdownOutline, language: Language, role: 'before' | 'after'): FencedBlock {
  const info = `${EXAMPLE[language].fence} ${role}`;
  const blocks = doc.fences.filter((block) => block.info === info);
  assert.equal(blocks.length, 1, `exactly one \`\`\`${info} block`);
  return blocks[0];
}

/** The example file plus any `… <role> file=<name>` blocks, as the workspace a workspace rule sees. */
function exampleWorkspace(doc: MarkdownOutline, language: Language, role: 'before' | 'after', text: string) {
  const path = EXAMPLE[language].path;
  const files: Record<string, string> = { [path]: text };
  for (const block of doc.fences) {
    const match = new RegExp(`^\\S+ ${role} file=(\\S+)$`).exec(block.info);
    if (match) files[join(dirname(path), match[1])] = block.body;
  }
  return memoryWorkspace(files);
}

async function findingsOfRule(rule: AnyRule, doc: MarkdownOutline, role: 'before' | 'after'): Promise<string[]> {
  const block = exampleBlock(doc, rule.language, role);
  const { path } = EXAMPLE[rule.language];
  assert.deepEqual(await syntaxErrors(path, block.body), [], `the ${role} example parses`);
  const findings = await lint(path, block.body, {}, exampleWorkspace(doc, rule.language, role, block.body));
  return findings.filter((finding) => finding.ruleId === rule.id).map((finding) => `${finding.range.start.line}: ${finding.message}`);
}

/** `{name}` placeholders of a message; both languages must substitute the same ones. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

function assertTranslated(text: LocalizedText, what: string): void {
  assert.ok(text.en.trim().length > 0, `${what}: English text`);
  assert.ok(text.ja.trim().length > 0, `${what}: Japanese text`);
  assert.notEqual(text.ja.trim(), text.en.trim(), `${what}: the Japanese text is not the English one`);
  assert.ok(hasJapanese(text.ja), `${what}: the Japanese text is written in Japanese`);
  assert.deepEqual(placeholders(text.ja), placeholders(text.en), `${what}: same placeholders in both languages`);
}

/** Relative links resolve to files, and `#anchor`s to explicit anchors in skill pages. */
function assertLinksResolve(docPath: string, doc: MarkdownOutline): void {
  for (const link of doc.links.filter((candidate) => isRelativeFileLink(candidate.target))) {
    const [file, anchor] = link.target.split('#');
    const target = resolve(dirname(join(ROOT, docPath)), file);
    assert.ok(existsSync(target), `${docPath}:${link.line + 1} links to ${link.target}, which does not exist`);
    if (anchor && target.includes('/skills/')) {
      assert.ok(outline(readFileSync(target, 'utf8')).anchors.includes(anchor), `${docPath}:${link.line + 1} links to #${anchor}, which ${file} lacks`);
    }
  }
}

describe('every rule points at a skill topic with a page section', () => {
  for (const rule of allRules) {
    it(rule.id, () => {
      assert.ok(TOPICS.some((topic) => topic.id === rule.skill), `${rule.id}: skill "${rule.skill}" is not one of TOPICS`);
      const slug = rule.skill.split('#')[1];
      for (const locale of LOCALES) {
        const page = readDoc(skillPagePaths(skillIdOf(rule.skill))[locale]);
        assert.ok(page, `${rule.id}: skill page for ${rule.skill} (${locale}) exists`);
        assert.ok(page.anchors.includes(slug), `${rule.id}: the ${locale} skill page has the anchor #${slug}`);
      }
    });
  }
});

describe('every rule message and title exists in English and Japanese', () => {
  for (const rule of allRules) {
    it(rule.id, () => {
      assertTranslated(rule.title, 'title');
      assert.ok(Object.keys(rule.messages).length > 0, 'the rule has messages');
      for (const [id, message] of Object.entries(rule.messages)) assertTranslated(message, `message ${id}`);
      for (const [name, option] of Object.entries(rule.options ?? {})) assertTranslated(option.description, `option ${name}`);
    });
  }
});

describe('every rule has docs in both languages', () => {
  for (const rule of allRules) {
    describe(rule.id, () => {
      for (const locale of LOCALES) {
        const path = docsPaths(rule.id)[locale];
        it(`${locale}: ${path} has the fixed headings in order`, () => {
          const doc = readDoc(path);
          assert.ok(doc, `${path} exists`);
          assert.equal(doc.lines[0], `# ${rule.id}`, 'first line is "# <rule-id>"');
          assert.equal(doc.lines[1], '', 'a blank line follows the rule id');
          assert.ok(doc.lines[2]?.trim() && !doc.lines[2].startsWith('#'), 'the third line is the title');
          const headings = doc.headings.filter((heading) => heading.level === 2).map((heading) => heading.text);
          assert.deepEqual(headings, RULE_DOC_HEADINGS[locale]);
          if (locale === 'ja') assert.ok(hasJapanese(doc.lines.slice(2).join('\n')), 'the Japanese doc is written in Japanese');
          const options = (sectionText(doc, RULE_DOC_HEADINGS[locale][4]) ?? '').trim();
          const names = Object.keys(rule.options ?? {});
          if (names.length === 0) assert.ok(options.startsWith(NO_OPTIONS[locale]), `"${RULE_DOC_HEADINGS[locale][4]}" says "${NO_OPTIONS[locale]}"`);
          for (const name of names) assert.ok(options.includes(name), `"${RULE_DOC_HEADINGS[locale][4]}" describes the option ${name}`);
        });
        it(`${locale}: "why" links the skill topic and every relative link resolves`, (t) => {
          const doc = readDoc(path);
          if (!doc) return t.skip(`${path} is missing (reported by the headings test)`);
          const why = sectionText(doc, RULE_DOC_HEADINGS[locale][1]) ?? '';
          const skillLink = `../../../skills/${skillIdOf(rule.skill)}.${locale}.md#${rule.skill.split('#')[1]}`;
          assert.ok(why.includes(`](${skillLink})`), `the "${RULE_DOC_HEADINGS[locale][1]}" section links ${skillLink}`);
          assertLinksResolve(path, doc);
        });
        it(`${locale}: the before example triggers the rule and the after example does not`, async (t) => {
          const doc = readDoc(path);
          if (!doc) return t.skip(`${path} is missing (reported by the headings test)`);
          const fix = sectionText(doc, RULE_DOC_HEADINGS[locale][2]) ?? '';
          const fence = EXAMPLE[rule.language].fence;
          assert.ok(fix.includes(`\`\`\`${fence} before`) && fix.includes(`\`\`\`${fence} after`), `both examples are in "${RULE_DOC_HEADINGS[locale][2]}"`);
          const before = await findingsOfRule(rule, doc, 'before');
          assert.ok(before.length > 0, `the before example triggers ${rule.id}`);
          assert.deepEqual(await findingsOfRule(rule, doc, 'after'), [], `the after example does not trigger ${rule.id}`);
        });
      }
    });
  }
});
