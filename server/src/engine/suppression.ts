import { DEFAULT_SUPPRESSION_SETTINGS, type SuppressionSettings } from './config/model';
import { closestRuleId } from './config/validate';
import { docsUrl, type AnyRule } from './rule';
import { nextCodeLine, scanComments, spanContains, statementAt, statementContaining, type Comment } from './suppression-comments';
import { peerDirectives } from './suppression-peers';
import type { LineSpan, SuppressionScopes } from './suppression-scopes';
import type { LineIndex } from './text';
import type { Finding, Language, LocalizedText, Locale, Range, Severity, TextEdit } from './types';

/** Findings about suppressions themselves; not rules of any language, so they carry no skill. */
export const UNUSED_SUPPRESSION_ID = 'infracoach/unused-suppression';
export const SUPPRESSION_REASON_ID = 'infracoach/suppression-reason';

const DIRECTIVE = /^(?:#|\/\/)\s*infracoach-(disable-next-line|disable-file)(?=\s|$)/;
const REASON_SEPARATOR = /(?:^|\s)--(?:\s|$)/;
/** The quick fix inserts `<reason>`; left as it is, it is no reason. */
const PLACEHOLDER_REASON = /^<[^>]*>$/;

export interface DirectiveId {
  id: string;
  range: Range;
}

/** An `infracoach-disable-…` comment. */
export interface Directive {
  kind: 'next-line' | 'file';
  comment: Comment;
  range: Range;
  ids: DirectiveId[];
  reason: string | undefined;
  /** Lines it silences, the whole file, or nothing when no code follows it. */
  lines: LineSpan[] | 'file';
}

export function parseDirectives(language: Language, lines: LineIndex, comments: readonly Comment[], scopes: SuppressionScopes): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    if (!comment.ownLine) continue;
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const body = comment.text.slice(match[0].length);
    const bodyColumn = comment.column + match[0].length;
    const separator = REASON_SEPARATOR.exec(body);
    const idsText = separator ? body.slice(0, separator.index) : body;
    const reason = separator ? body.slice(separator.index + separator[0].length).trim() : undefined;
    const ids = [...idsText.matchAll(/[^\s,]+/g)].map((found) => ({
      id: found[0],
      range: { start: { line: comment.line, character: bodyColumn + found.index }, end: { line: comment.line, character: bodyColumn + found.index + found[0].length } },
    }));
    const kind = match[1] === 'disable-file' ? 'file' : 'next-line';
    const next = kind === 'next-line' ? nextCodeLine(language, lines, comment.line) : undefined;
    directives.push({
      kind,
      comment,
      range: { start: { line: comment.line, character: comment.column }, end: { line: comment.line, character: comment.column + comment.text.length } },
      ids,
      reason: reason || undefined,
      lines: kind === 'file' ? 'file' : next === undefined ? [] : [statementAt(scopes, next)],
    });
  }
  return directives;
}

export interface SuppressionInput {
  language: Language;
  lines: LineIndex;
  findings: Finding[];
  scopes: SuppressionScopes;
  rules: readonly AnyRule[];
  /** Rules that ran on this file. A suppression naming a rule that configuration turned off is not "unused". */
  activeRuleIds: ReadonlySet<string>;
  settings?: Partial<SuppressionSettings>;
  locale?: Locale;
  /** `YYYY-MM-DD`, for peers' expiring ignores; today by default. */
  today?: string;
}

function covers(lines: LineSpan[] | 'file', line: number): boolean {
  return lines === 'file' || lines.some((span) => spanContains(span, line));
}

/**
 * Drops the findings that inline comments (ours or a peer's) silence, and adds findings about our own
 * comments: ones that silence nothing and, when required, ones without a reason. Applied once, at the end of lint.
 */
export function applySuppressions(input: SuppressionInput): Finding[] {
  const settings = { ...DEFAULT_SUPPRESSION_SETTINGS, ...input.settings };
  const comments = scanComments(input.language, input.lines);
  const directives = parseDirectives(input.language, input.lines, comments, input.scopes);
  const peers = peerDirectives(input.language, input.lines, comments, input.scopes, input.today ?? new Date().toISOString().slice(0, 10));
  if (directives.length === 0 && peers.length === 0) return input.findings;
  const rulesById = new Map<string, AnyRule>(input.rules.map((rule) => [rule.id, rule]));
  const used = new Set<DirectiveId>();
  const kept = input.findings.filter((finding) => {
    const line = finding.range.start.line;
    let silenced = false;
    for (const directive of directives) {
      if (!covers(directive.lines, line)) continue;
      for (const id of directive.ids) {
        if (id.id === finding.ruleId) {
          used.add(id);
          silenced = true;
        }
      }
    }
    const peerIds = rulesById.get(finding.ruleId)?.peerIds?.map((id) => id.toLowerCase()) ?? [];
    if (peerIds.length > 0 && peers.some((peer) => covers(peer.lines, line) && peer.ids.some((id) => peerIds.includes(id.toLowerCase())))) silenced = true;
    return !silenced;
  });
  const locale = input.locale ?? 'en';
  const meta: Finding[] = [];
  const report = (ruleId: string, severity: Severity, range: Range, message: LocalizedText, data?: Finding['data']) => {
    meta.push({ ruleId, severity, message: message[locale], skill: '', range, docsUrl: docsUrl(ruleId), ...(data ? { data } : {}) });
  };
  for (const directive of directives) {
    if (settings.reportUnused) {
      if (directive.ids.length === 0) report(UNUSED_SUPPRESSION_ID, 'hint', directive.range, NAME_A_RULE, { line: directive.comment.line });
      for (const id of directive.ids) {
        if (used.has(id)) continue;
        const rule = rulesById.get(id.id);
        // A rule turned off by configuration (or one that failed) may well fire elsewhere, e.g. in CI.
        if (rule && rule.language === input.language && !input.activeRuleIds.has(rule.id)) continue;
        report(UNUSED_SUPPRESSION_ID, 'hint', id.range, unusedMessage(id.id, rule, input.language, input.rules), { ruleId: id.id, line: directive.comment.line });
      }
    }
    if (settings.requireReason && directive.ids.length > 0 && (directive.reason === undefined || PLACEHOLDER_REASON.test(directive.reason))) {
      report(SUPPRESSION_REASON_ID, 'warning', directive.range, MISSING_REASON);
    }
  }
  if (meta.length === 0) return kept;
  return [...kept, ...meta].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const NAME_A_RULE: LocalizedText = {
  en: 'This suppression names no rule, so it silences nothing. Write "infracoach-disable-next-line <rule-id> -- <reason>".',
  ja: 'この抑制コメントはルールを指定していないため、何も抑制しません。"infracoach-disable-next-line <ルールID> -- <理由>" と書いてください。',
};

const MISSING_REASON: LocalizedText = {
  en: 'Say why this finding is acceptable here: add "-- <reason>" after the rule id, so the next reader can judge it.',
  ja: 'ここで指摘を許容する理由を書いてください。後から読む人が判断できるよう、ルール ID の後に "-- <理由>" を付けます。',
};

const LANGUAGE_NAMES: Record<Language, LocalizedText> = {
  dockerfile: { en: 'Dockerfiles', ja: 'Dockerfile' },
  kubernetes: { en: 'Kubernetes manifests', ja: 'Kubernetes マニフェスト' },
  terraform: { en: 'Terraform files', ja: 'Terraform ファイル' },
};

function unusedMessage(id: string, rule: AnyRule | undefined, language: Language, rules: readonly AnyRule[]): LocalizedText {
  if (!rule) {
    const suggestion = closestRuleId(id, rules.filter((candidate) => candidate.language === language));
    return {
      en: `There is no rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}, so this suppression silences nothing.`,
      ja: `ルール "${id}" はないため${suggestion ? `（"${suggestion}" のことですか？）` : ''}、この抑制は何も抑制しません。`,
    };
  }
  if (rule.language !== language) {
    return {
      en: `${id} checks ${LANGUAGE_NAMES[rule.language].en}, not this file, so this suppression silences nothing.`,
      ja: `${id} は ${LANGUAGE_NAMES[rule.language].ja} を検査するルールで、このファイルには効きません。`,
    };
  }
  return {
    en: `${id} reports nothing here, so this suppression silences nothing; remove it.`,
    ja: `${id} はここで何も指摘していないため、この抑制は不要です。削除してください。`,
  };
}

export const REASON_PLACEHOLDER: LocalizedText = { en: '<reason>', ja: '<理由>' };

/**
 * The edit behind "Suppress <rule-id> on this line": a comment above the finding's statement (a Dockerfile
 * instruction's first line, a Terraform attribute's first line) in that line's indentation, or the rule id
 * added to a suppression comment already there. `placeholder` is the reason to select for typing, if inserted.
 */
export function suppressionEdit(language: Language, lines: LineIndex, scopes: SuppressionScopes, finding: Pick<Finding, 'ruleId' | 'range'>, locale: Locale = 'en'): { edit: TextEdit; placeholder?: Range } {
  const target = statementContaining(scopes, finding.range.start.line).first;
  const existing = parseDirectives(language, lines, scanComments(language, lines), scopes)
    .find((directive) => directive.kind === 'next-line' && directive.lines !== 'file' && directive.lines.some((span) => span.first === target));
  if (existing && existing.ids.length > 0) {
    const last = existing.ids[existing.ids.length - 1].range.end;
    return { edit: { range: { start: last, end: last }, newText: `, ${finding.ruleId}` } };
  }
  const lineText = lines.lineText(target);
  const indent = lineText.slice(0, lineText.length - lineText.trimStart().length);
  const prefix = `${indent}# infracoach-disable-next-line ${finding.ruleId} -- `;
  const placeholder = REASON_PLACEHOLDER[locale];
  const start = { line: target, character: 0 };
  return {
    edit: { range: { start, end: start }, newText: `${prefix}${placeholder}${lines.eol}` },
    placeholder: { start: { line: target, character: prefix.length }, end: { line: target, character: prefix.length + placeholder.length } },
  };
}

/**
 * The edit behind "Remove unused suppression": the id (with its comma) out of the comment on `line`, or the
 * whole comment line when it names nothing else. Undefined when the comment is no longer there.
 */
export function removeSuppressionEdit(language: Language, lines: LineIndex, scopes: SuppressionScopes, line: number, ruleId: string | undefined): TextEdit | undefined {
  const directive = parseDirectives(language, lines, scanComments(language, lines), scopes).find((candidate) => candidate.comment.line === line);
  if (!directive) return undefined;
  const index = ruleId === undefined ? -1 : directive.ids.findIndex((id) => id.id === ruleId);
  if (directive.ids.length <= 1 || index < 0) {
    if (ruleId !== undefined && index < 0) return undefined;
    const end = line + 1 < lines.lineCount ? { line: line + 1, character: 0 } : { line, character: lines.lineText(line).length };
    return { range: { start: { line, character: 0 }, end }, newText: '' };
  }
  const ids = directive.ids;
  const range = index > 0 ? { start: ids[index - 1].range.end, end: ids[index].range.end } : { start: ids[0].range.start, end: ids[1].range.start };
  return { range, newText: '' };
}
