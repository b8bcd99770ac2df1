// What the editor should show, computed by the CLI of the same build: the Problems panel must agree with it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { findSkill, findTopic } from '../../server/src/engine/skills';

export interface ExpectedFinding {
  /** Workspace-relative, with forward slashes. */
  file: string;
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  skill: string;
  /** 1-based, as the Problems panel shows positions. */
  line: number;
  column: number;
}

interface CliFinding {
  file: string;
  ruleId: string;
  severity: ExpectedFinding['severity'];
  message: string;
  skill: string;
  range: { start: { line: number; character: number } };
}

export function expectedFindings(cliPath: string, workspace: string): ExpectedFinding[] {
  const result = spawnSync(process.execPath, [cliPath, 'check', '.', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
  // Exit 1 means "findings": the examples are meant to have some.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${cliPath} check failed with exit ${result.status}:\n${result.stderr}`);
  }
  const report = JSON.parse(result.stdout) as { findings: CliFinding[] };
  return report.findings.map((finding) => ({
    file: relative(workspace, resolve(workspace, finding.file)).split('\\').join('/'),
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    skill: finding.skill,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
  }));
}

/** The findings of one rule in one file; fails when the examples no longer produce any. */
export function findingsOf(expected: ExpectedFinding[], file: string, ruleId: string): ExpectedFinding[] {
  const found = expected.filter((finding) => finding.file === file && finding.ruleId === ruleId);
  if (found.length === 0) {
    const listed = expected.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`).join(', ');
    throw new Error(`the CLI reports no ${ruleId} in ${file}, so the example no longer exercises it (it reports: ${listed})`);
  }
  return found;
}

/** The text of a 1-based line of a workspace file. */
export function lineOf(workspace: string, file: string, line: number): string {
  return readFileSync(resolve(workspace, file), 'utf8').split(/\r?\n/)[line - 1] ?? '';
}

/** Titles an explanation of this finding may carry: its skill's, or its topic's within that skill. */
export function explanationTitles(skill: string): string[] {
  return [findSkill(skill)?.title.en, findTopic(skill)?.title.en].filter((title): title is string => title !== undefined);
}
