/**
 * The skill pages: one per skill in English and Japanese, the same sections in both, an anchor per topic that
 * rules point at, examples that parse, links that resolve, and a "rules that coach this skill" list that
 * matches the registered rules. That list is generated: after adding or moving a rule, refresh it with
 *   UPDATE_SKILL_PAGES=1 node scripts/run-tests.mjs test/unit/skills.test.ts
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../rules';
import { docsPaths, type AnyRule } from '../../server/src/engine/rule';
import { SKILLS, skillIdOf, skillPagePaths, TOPICS } from '../../server/src/engine/skills';
import type { Locale } from '../../server/src/engine/types';
import { syntaxErrors } from '../helpers/engine';
import { hasJapanese, isRelativeFileLink, outline, sectionText } from '../helpers/markdown';

const ROOT = resolve(__dirname, '../..');
const LOCALES: readonly Locale[] = ['en', 'ja'];
const UPDATE = process.env.UPDATE_SKILL_PAGES === '1';

const RULES_HEADING: Record<Locale, string> = { en: 'Rules that coach this skill', ja: 'このスキルを指導するルール' };
const BEGIN = '<!-- begin generated rule list: UPDATE_SKILL_PAGES=1 node scripts/run-tests.mjs test/unit/skills.test.ts -->';
const END = '<!-- end generated rule list -->';
/** A page shorter than this is a stub, not something a reader learns from. */
const MINIMUM_LENGTH: Record<Locale, number> = { en: 6000, ja: 3000 };

/** Topic by topic, the rules whose `skill` is that topic, each linking its doc. */
function generatedRuleList(skillId: string, locale: Locale, rules: readonly AnyRule[]): string {
  const lines: string[] = [];
  for (const topic of TOPICS.filter((candidate) => skillIdOf(candidate.id) === skillId)) {
    const coaching = rules.filter((rule) => rule.skill === topic.id).sort((a, b) => a.id.localeCompare(b.id));
    if (coaching.length === 0) continue;
    lines.push(`- [${topic.title[locale]}](#${topic.id.split('#')[1]})`);
    for (const rule of coaching) {
      const separator = locale === 'ja' ? '：' : ': ';
      lines.push(`  - [${rule.id}](../${docsPaths(rule.id)[locale]})${separator}${rule.title[locale]}`);
    }
  }
  // Skills no rule checks say so in their own words above the markers; the generated block stays empty.
  return lines.join('\n');
}

function pagePath(skillId: string, locale: Locale): string {
  return join(ROOT, skillPagePaths(skillId)[locale]);
}

function readPage(skillId: string, locale: Locale): string {
  const path = pagePath(skillId, locale);
  assert.ok(existsSync(path), `${skillPagePaths(skillId)[locale]} exists`);
  return readFileSync(path, 'utf8');
}

/** The generated block between the markers, and the page with that block replaced by `list`. */
function ruleListOf(text: string, list: string): { current: string; updated: string } | undefined {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) return undefined;
  return {
    current: text.slice(begin + BEGIN.length, end).trim(),
    updated: `${text.slice(0, begin + BEGIN.length)}\n${list}\n${text.slice(end)}`,
  };
}

describe('skill pages', () => {
  for (const skill of SKILLS) {
    describe(`${skill.id} ${skill.title.en}`, () => {
      for (const locale of LOCALES) {
        it(`${locale}: starts with the title and is substantial`, () => {
          const text = readPage(skill.id, locale);
          assert.equal(text.split('\n')[0], `# ${skill.title[locale]}`);
          assert.ok(text.length >= MINIMUM_LENGTH[locale], `${text.length} characters; a page needs at least ${MINIMUM_LENGTH[locale]}`);
          if (locale === 'ja') assert.ok(hasJapanese(text.slice(text.indexOf('\n'))), 'written in Japanese');
        });

        it(`${locale}: lists the rules that coach it`, () => {
          const text = readPage(skill.id, locale);
          const section = sectionText(outline(text), RULES_HEADING[locale]);
          assert.ok(section !== undefined, `has a "## ${RULES_HEADING[locale]}" section`);
          assert.ok(section.includes(BEGIN) && section.includes(END), 'the section holds the generated list markers');
          const expected = generatedRuleList(skill.id, locale, allRules);
          const block = ruleListOf(text, expected);
          assert.ok(block !== undefined);
          if (UPDATE && block.current !== expected) writeFileSync(pagePath(skill.id, locale), block.updated);
          else assert.equal(block.current, expected, 'the generated rule list is stale: refresh it with UPDATE_SKILL_PAGES=1 (see the top of this test)');
        });

        it(`${locale}: every relative link resolves`, () => {
          const page = outline(readPage(skill.id, locale));
          for (const link of page.links.filter((candidate) => isRelativeFileLink(candidate.target))) {
            const [file, anchor] = link.target.split('#');
            const target = resolve(dirname(pagePath(skill.id, locale)), file);
            assert.ok(existsSync(target), `line ${link.line + 1}: ${link.target} does not exist`);
            if (anchor && target.includes('/skills/')) {
              assert.ok(outline(readFileSync(target, 'utf8')).anchors.includes(anchor), `line ${link.line + 1}: ${file} has no anchor #${anchor}`);
            }
          }
          for (const link of page.links.filter((candidate) => candidate.target.startsWith('#'))) {
            assert.ok(page.anchors.includes(link.target.slice(1)), `line ${link.line + 1}: no anchor ${link.target} on this page`);
          }
        });

        it(`${locale}: YAML and HCL examples parse`, async () => {
          const page = outline(readPage(skill.id, locale));
          for (const block of page.fences) {
            const language = block.info.split(/\s+/)[0];
            const path = language === 'yaml' ? '/work/example.yaml' : language === 'hcl' ? '/work/main.tf' : undefined;
            if (!path) continue;
            assert.deepEqual(await syntaxErrors(path, block.body), [], `the ${language} block at line ${block.line + 1} parses`);
          }
        });
      }

      it('English and Japanese pages have the same anchors and the same number of sections', () => {
        const [en, ja] = LOCALES.map((locale) => outline(readPage(skill.id, locale)));
        assert.deepEqual(ja.anchors, en.anchors);
        const sections = (page: typeof en) => page.headings.filter((heading) => heading.level === 2).length;
        assert.equal(sections(ja), sections(en));
      });
    });
  }
});

describe('skill topics', () => {
  for (const topic of TOPICS) {
    it(`${topic.id} has a section on its skill's page in both languages`, () => {
      const [skillId, slug] = topic.id.split('#');
      assert.ok(SKILLS.some((skill) => skill.id === skillId), `${skillId} is a skill`);
      assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, 'the slug is kebab-case');
      for (const locale of LOCALES) {
        const lines = readPage(skillId, locale).split('\n');
        const anchorLine = lines.findIndex((line) => line.trim() === `<a id="${slug}"></a>`);
        assert.ok(anchorLine >= 0, `${locale}: <a id="${slug}"></a> on its own line`);
        const heading = lines.slice(anchorLine + 1).find((line) => line.trim() !== '');
        assert.equal(heading, `## ${topic.title[locale]}`, `${locale}: the anchor introduces the topic's section`);
      }
    });
  }
});
