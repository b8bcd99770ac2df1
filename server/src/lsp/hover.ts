import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { RuleDocs } from '../docs/rule-docs';
import type { Engine } from '../engine/engine';
import { findSkill, findTopic } from '../engine/skills';
import type { Finding, Locale, Range } from '../engine/types';
import { explainCommandUri } from './explain-links';

export interface HoverOptions {
  locale: Locale;
  docs: RuleDocs;
  /** Link the full page with a `command:` URI (our VS Code client) instead of the https docs site. */
  explainCommandLinks: boolean;
}

const LABELS = {
  en: { why: 'Why it matters', fix: 'How to fix', quickFix: 'A quick fix is available (Ctrl+. or Cmd+.).', skill: 'Skill', more: 'Open the full explanation' },
  ja: { why: 'なぜ重要か', fix: '修正方法', quickFix: 'クイックフィックスがあります（Ctrl+. または Cmd+.）。', skill: 'スキル', more: '詳しい説明を開く' },
} as const;

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Finding messages quote the user's file, so their Markdown characters are shown literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&');
}

/** One finding's hover: the rule title, the message, why it matters, how to fix it, and a link to the full page. */
function section(engine: Engine, finding: Finding, options: HoverOptions): string {
  const { locale } = options;
  const labels = LABELS[locale];
  const rule = engine.rule(finding.ruleId);
  const summary = options.docs.summary(finding.ruleId, locale);
  const skill = findSkill(finding.skill);
  const topic = findTopic(finding.skill);
  const title = rule?.title[locale] ?? summary?.title ?? finding.ruleId;
  const link = options.explainCommandLinks ? explainCommandUri(finding.ruleId) : finding.docsUrl;
  const skillText = skill ? `${skill.id} ${skill.title[locale]}${topic ? ` › ${topic.title[locale]}` : ''}` : finding.skill;
  const lines = [`**${escapeMarkdown(title)}** · \`${finding.ruleId}\``, '', escapeMarkdown(finding.message)];
  if (summary?.why) lines.push('', `**${labels.why}:** ${summary.why}`);
  const fix = [summary?.fix, rule?.fixable ? labels.quickFix : undefined].filter(Boolean).join(' ');
  if (fix) lines.push('', `**${labels.fix}:** ${fix}`);
  // Configuration and suppression findings belong to no skill and have no page to open.
  if (finding.skill && rule) lines.push('', `_${labels.skill}: ${escapeMarkdown(skillText)}_ · [${labels.more}](${link})`);
  return lines.join('\n');
}

/** Hover on a finding's range; several findings at one position are separated by rules. */
export function hoverFor(engine: Engine, findings: Finding[], position: Position, options: HoverOptions): Hover | null {
  const here = findings.filter((finding) => contains(finding.range, position));
  if (here.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: here.map((finding) => section(engine, finding, options)).join('\n\n---\n\n') },
    range: here[0].range,
  };
}
