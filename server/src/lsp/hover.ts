import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Engine } from '../engine/engine';
import { findSkill, findTopic } from '../engine/skills';
import type { Finding, Locale, Range } from '../engine/types';

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Hover on a finding: what the rule wants, the skill behind it, and where to read more. */
export function hoverFor(engine: Engine, findings: Finding[], position: Position, locale: Locale): Hover | null {
  const here = findings.filter((finding) => contains(finding.range, position));
  if (here.length === 0) return null;
  const sections = here.map((finding) => {
    const rule = engine.rule(finding.ruleId);
    const topic = findTopic(finding.skill)?.title[locale] ?? finding.skill;
    const skill = findSkill(finding.skill);
    const skillLine = locale === 'ja' ? `スキル: ${skill?.id ?? ''} ${skill?.title.ja ?? ''} — ${topic}` : `Skill: ${skill?.id ?? ''} ${skill?.title.en ?? ''} — ${topic}`;
    const more = locale === 'ja' ? '詳しい説明' : 'Read the explanation';
    return [`**${rule?.title[locale] ?? finding.ruleId}** \`${finding.ruleId}\``, '', finding.message, '', `_${skillLine}_ · [${more}](${finding.docsUrl})`].join('\n');
  });
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: here[0].range };
}
