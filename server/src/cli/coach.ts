import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { allRules } from '../../../rules';
import { packageRoot } from '../docs/package-root';
import { docsPaths } from '../engine/rule';
import { findSkill, findTopic, skillPagePaths } from '../engine/skills';
import type { Locale } from '../engine/types';
import { catalog } from '../lsp/catalog';
import { markdownToText } from './terminal-markdown';

export interface SkillsOptions {
  command: 'skills';
  format: 'text' | 'json';
  locale: Locale;
}

export interface ExplainOptions {
  command: 'explain';
  /** A rule id, skill id or topic id (`4.1.1#multi-stage-builds`). */
  target: string;
  locale: Locale;
}

export type CoachOptions = SkillsOptions | ExplainOptions;

/** Parses `skills` and `explain` arguments; a string is the usage error to report. */
export function parseCoachArgs(command: 'skills' | 'explain', rest: readonly string[], locale: Locale): CoachOptions | string {
  let format: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? (flag === '--lang' || flag === '--format' || flag === '-f' ? rest[++i] : undefined);
    if (flag === '--lang') {
      if (value !== 'en' && value !== 'ja') return `--lang takes en or ja, not "${value ?? ''}"`;
      locale = value;
    } else if (command === 'skills' && (flag === '--format' || flag === '-f')) format = value;
    else if (arg.startsWith('-')) return `unknown option "${flag}"`;
    else positional.push(arg);
  }
  if (command === 'skills') {
    if (positional.length > 0) return `skills takes no arguments, not "${positional[0]}"`;
    if (format !== undefined && format !== 'text' && format !== 'json') return `skills --format takes text or json, not "${format}"`;
    return { command, format: (format ?? 'text') as 'text' | 'json', locale };
  }
  if (positional.length !== 1) return 'explain takes one rule id or skill id, e.g. "infracoach explain dockerfile/root-user" or "infracoach explain 4.1.1"';
  return { command, target: positional[0], locale };
}

/** `[{id, title:{en,ja}, pages:{en,ja}, rules:[ids]}]`, the skill tree as tools and scripts read it. */
export function skillsJson(): string {
  return JSON.stringify(catalog(allRules, 'en').skills.map(({ id, title, pages, rules }) => ({ id, title, pages, rules })), null, 2);
}

export function skillsText(locale: Locale): string {
  return catalog(allRules, locale).skills.map((skill) => {
    const rules = skill.rules.length;
    const count = locale === 'ja' ? `ルール ${rules} 件` : `${rules} rule${rules === 1 ? '' : 's'}`;
    return `${skill.id.padEnd(6)} ${skill.title[locale]}  (${count})`;
  }).join('\n');
}

function read(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

/** The lines of a skill page from a topic's anchor to the next heading at the level of the topic's own heading. */
export function topicSection(markdown: string, slug: string): string | undefined {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => line.includes(`<a id="${slug}"></a>`));
  if (start < 0) return undefined;
  const headingLine = lines.findIndex((line, index) => index > start && /^#{1,6}\s/.test(line));
  const level = headingLine >= 0 ? /^(#+)/.exec(lines[headingLine])![1].length : 2;
  let inFence = false;
  let end = lines.length;
  for (let index = Math.max(headingLine, start) + 1; index < lines.length; index++) {
    if (/^\s*(`{3,}|~{3,})/.test(lines[index])) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s/.exec(lines[index]);
    const anchor = !inFence && /^\s*<a id="[^"]+"><\/a>\s*$/.test(lines[index]);
    if ((heading && heading[1].length <= level) || anchor) {
      end = index;
      break;
    }
  }
  return lines.slice(start, end).join('\n');
}

/** Links inside a page, as something to type: another `infracoach explain`, or the https address. */
function linkTarget(pagePath: string, href: string): string | undefined {
  if (/^https:\/\//.test(href)) return href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return undefined;
  const [path, anchor] = href.split('#');
  const resolved = posix.normalize(posix.join(posix.dirname(pagePath), path));
  const skill = /^skills\/(\d+\.\d+\.\d+)\.(?:en|ja)\.md$/.exec(resolved);
  if (skill) return `infracoach explain ${skill[1]}${anchor ? `#${anchor}` : ''}`;
  const rule = /^rules\/docs\/(.+)\.(?:en|ja)\.md$/.exec(resolved);
  return rule ? `infracoach explain ${rule[1]}` : undefined;
}

interface Page {
  path: string;
  markdown: string;
  note?: string;
}

function readPage(root: string, paths: Record<Locale, string>, locale: Locale): Page | undefined {
  const other: Locale = locale === 'en' ? 'ja' : 'en';
  const own = read(root, paths[locale]);
  if (own !== undefined) return { path: paths[locale], markdown: own };
  const fallback = read(root, paths[other]);
  if (fallback === undefined) return undefined;
  const note = locale === 'ja' ? '（このページの日本語版はまだないため、英語版を表示しています。）' : '(This page has no English version yet; showing the Japanese one.)';
  return { path: paths[other], markdown: fallback, note };
}

/** The page to print for `explain <target>`, or undefined when the target names no rule or skill. */
export function explainPage(root: string, target: string, locale: Locale): Page | undefined {
  const rule = allRules.find((candidate) => candidate.id === target);
  const topicId = rule?.skill ?? target;
  if (rule) {
    const doc = readPage(root, docsPaths(rule.id), locale);
    if (doc) return doc;
  }
  const [skillId, slug] = topicId.split('#');
  const skill = findSkill(skillId);
  if (!skill || skill.id !== skillId || (slug && !findTopic(topicId))) return undefined;
  const page = readPage(root, skillPagePaths(skill.id), locale);
  if (!page) {
    const missing = locale === 'ja' ? 'このページはまだ書かれていません。' : 'This page has not been written yet.';
    return { path: skillPagePaths(skill.id)[locale], markdown: `# ${skill.title[locale]}\n\n${missing}\n` };
  }
  const section = slug ? topicSection(page.markdown, slug) : undefined;
  return section ? { ...page, markdown: section } : page;
}

export function runCoach(options: CoachOptions, write: (text: string) => void, terminal: { colour: boolean; width: number }): number | string {
  if (options.command === 'skills') {
    write((options.format === 'json' ? skillsJson() : skillsText(options.locale)) + '\n');
    return 0;
  }
  const root = packageRoot();
  if (!root) throw new Error('cannot find the Infra Coach package folder holding skills/ and rules/docs/');
  const page = explainPage(root, options.target, options.locale);
  if (!page) return `no rule or skill "${options.target}": "infracoach rules" and "infracoach skills" list them`;
  const text = markdownToText(page.markdown, { ...terminal, linkTarget: (href) => linkTarget(page.path, href) });
  write((page.note ? `${page.note}\n\n` : '') + text);
  return 0;
}
