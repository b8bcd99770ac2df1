import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsPaths } from '../engine/rule';
import type { Locale } from '../engine/types';

/** The parts of a rule doc a hover shows: its title, the first paragraph of "why" and of "how to fix". */
export interface RuleDocSummary {
  title: string;
  why: string | undefined;
  fix: string | undefined;
}

const SECTION_HEADINGS: Record<Locale, { why: string; fix: string }> = {
  en: { why: 'Why it matters', fix: 'How to fix' },
  ja: { why: 'なぜ重要か', fix: '修正方法' },
};

/** Level-2 sections of a Markdown text by heading, ignoring `## ` lines inside fenced code. */
export function sections(markdown: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] | undefined;
  let fence: string | undefined;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence || marker) {
      if (!fence) fence = marker;
      else if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      current?.push(line);
      continue;
    }
    const heading = /^(#{1,2})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) current = heading[1] === '##' ? [] : undefined;
    if (heading && current) result.set(heading[2], current);
    else if (!heading) current?.push(line);
  }
  return result;
}

/**
 * The first paragraph of a section as one line of inline Markdown: links become their text (relative links
 * mean nothing in a hover) and explicit anchors and comments disappear.
 */
export function firstParagraph(lines: readonly string[] | undefined): string | undefined {
  if (!lines) return undefined;
  const paragraph: string[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) {
      if (paragraph.length > 0) break;
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const blank = line.trim() === '' || /^\s*<a\s+id="[^"]*"\s*><\/a>\s*$/.test(line) || /^\s*<!--.*-->\s*$/.test(line);
    if (blank) {
      if (paragraph.length > 0) break;
      continue;
    }
    if (paragraph.length === 0 && /^\s*([-*+]|\d+[.)]|>|\|)\s/.test(line)) continue;
    paragraph.push(line.trim());
  }
  if (paragraph.length === 0) return undefined;
  return paragraph.join(' ').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<a\s+id="[^"]*"\s*><\/a>/g, '').trim();
}

export function summarizeRuleDoc(markdown: string, locale: Locale): RuleDocSummary {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  // The doc format: `# <rule-id>`, a blank line, then the title line.
  const title = lines.slice(1).find((line) => line.trim() !== '')?.trim().replace(/^#+\s*/, '') ?? '';
  const bySection = sections(markdown);
  const headings = SECTION_HEADINGS[locale];
  return { title, why: firstParagraph(bySection.get(headings.why)), fix: firstParagraph(bySection.get(headings.fix)) };
}

/** Every rule doc's summary, read once at server start from the package's `rules/docs` folder. */
export class RuleDocs {
  private constructor(private readonly summaries: Map<string, RuleDocSummary>) {}

  static empty(): RuleDocs {
    return new RuleDocs(new Map());
  }

  static load(root: string | undefined, ruleIds: readonly string[]): RuleDocs {
    const summaries = new Map<string, RuleDocSummary>();
    if (root) {
      for (const ruleId of ruleIds) {
        for (const locale of ['en', 'ja'] as const) {
          try {
            summaries.set(`${locale}:${ruleId}`, summarizeRuleDoc(readFileSync(join(root, docsPaths(ruleId)[locale]), 'utf8'), locale));
          } catch {
            // Not written yet: the hover falls back to the finding's own message.
          }
        }
      }
    }
    return new RuleDocs(summaries);
  }

  summary(ruleId: string, locale: Locale): RuleDocSummary | undefined {
    return this.summaries.get(`${locale}:${ruleId}`);
  }
}
