import { relative, sep } from 'node:path';
import { docsPaths, docsUrl, type AnyRule } from '../engine/rule';
import { findSkill, findTopic } from '../engine/skills';
import type { Finding, Locale, Severity } from '../engine/types';

export interface FileResult {
  path: string;
  findings: Finding[];
  /** The text the findings refer to (after --fix), for SARIF fingerprints. */
  text?: string;
  /** Fixes --fix applied to this file. */
  fixed?: number;
}

export interface CheckReport {
  results: FileResult[];
  errors: { path: string; message: string }[];
}

export interface TextOptions {
  colour: boolean;
  /** Leave out the summary line (--quiet). */
  summary?: boolean;
}

export function displayPath(path: string, root = process.cwd()): string {
  const shown = relative(root, path) || path;
  return shown.split(sep).join('/');
}

export function toJson(report: CheckReport): string {
  return JSON.stringify({
    findings: report.results.flatMap((result) => result.findings.map((finding) => ({
      file: displayPath(result.path),
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      skill: finding.skill,
      range: finding.range,
    }))),
    errors: report.errors.map((error) => ({ file: displayPath(error.path), message: error.message })),
  }, null, 2);
}

const COLOURS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

/** `path:line:col  severity  message  rule-id  (skill)`, grouped by file, with a summary line. */
export function toText(report: CheckReport, locale: Locale, { colour, summary = true }: TextOptions): string {
  const paint = (severity: Severity, text: string) => (colour ? `${COLOURS[severity]}${text}\x1b[0m` : text);
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of report.results) {
    if (result.findings.length === 0) continue;
    const shown = displayPath(result.path);
    lines.push(colour ? `\x1b[4m${shown}\x1b[0m` : shown);
    for (const finding of result.findings) {
      counts[finding.severity]++;
      const where = `${shown}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      const skill = findSkill(finding.skill);
      const topic = findTopic(finding.skill);
      const skillText = skill ? `${skill.id} ${skill.title[locale]}${topic ? ` › ${topic.title[locale]}` : ''}` : finding.skill;
      // Findings about configuration and suppression comments have no skill to show.
      lines.push(`  ${where}  ${paint(finding.severity, finding.severity.padEnd(7))}  ${finding.message}  ${finding.ruleId}${skillText ? `  (${skillText})` : ''}`);
    }
    lines.push('');
  }
  for (const error of report.errors) lines.push(`${displayPath(error.path)}: ${locale === 'ja' ? 'エラー' : 'error'}: ${error.message}`);
  if (!summary) return lines.join('\n').trimEnd();
  const fixes = report.results.reduce((sum, result) => sum + (result.fixed ?? 0), 0);
  if (fixes > 0) {
    const fixedFiles = report.results.filter((result) => (result.fixed ?? 0) > 0).length;
    lines.push(locale === 'ja' ? `${fixedFiles} ファイルで ${fixes} 件を修正しました。` : `Fixed ${fixes} finding${fixes === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}.`);
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = report.results.length;
  lines.push(locale === 'ja'
    ? `${files} ファイルを検査: ${total} 件の指摘（エラー ${counts.error}、警告 ${counts.warning}、情報 ${counts.info}、ヒント ${counts.hint}）${report.errors.length ? `、ファイルの問題 ${report.errors.length} 件（上記）` : ''}`
    : `${files} file${files === 1 ? '' : 's'} checked: ${total} finding${total === 1 ? '' : 's'} (${counts.error} error, ${counts.warning} warning, ${counts.info} info, ${counts.hint} hint)${report.errors.length ? `, ${report.errors.length} file problem${report.errors.length === 1 ? "" : "s"} listed above` : ''}`);
  return lines.join('\n');
}

export function rulesJson(rules: readonly AnyRule[], locale: Locale): string {
  return JSON.stringify(rules.map((rule) => ({
    id: rule.id,
    language: rule.language,
    severity: rule.defaultSeverity,
    skill: rule.skill,
    title: rule.title[locale],
    fixable: rule.fixable ?? null,
    docs: docsPaths(rule.id),
    url: docsUrl(rule.id),
    options: rule.options ?? {},
  })), null, 2);
}

export function rulesText(rules: readonly AnyRule[], locale: Locale): string {
  return rules.map((rule) => `${rule.id.padEnd(45)} ${rule.defaultSeverity.padEnd(8)} ${rule.skill.padEnd(32)} ${rule.title[locale]}`).join('\n');
}
