import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_PROBLEM_ID, findMetaCheck } from '../engine/meta-checks';
import { isConfigFileName } from '../engine/config';
import type { Engine, LintSettings } from '../engine/engine';
import { docsUrl, type AnyRule } from '../engine/rule';
import type { Finding, Locale, Severity, WorkspaceView } from '../engine/types';
import { ConfigStore, type LoadedConfigFile } from '../node-config';
import { cachedWorkspace, fileSystemWorkspace } from '../node-workspace';
import { UsageError, type CheckOptions, type FailLevel } from './args';
import { collectFiles } from './files';
import { fixText, writeFileAtomically } from './fix';
import { readSourceFile } from './read';
import type { CheckReport, FileResult } from './report';

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export function atOrAbove(severity: Severity, level: FailLevel): boolean {
  return RANK[severity] >= RANK[level];
}

/** A configuration file's problems as findings on that file, so every output format shows them. */
export function configFindings(file: LoadedConfigFile, locale: Locale): Finding[] {
  const severity = findMetaCheck(CONFIG_PROBLEM_ID)!.severity;
  return file.problems.map((problem) => ({
    ruleId: CONFIG_PROBLEM_ID, severity, message: problem.message[locale], skill: '', range: problem.range, docsUrl: docsUrl(CONFIG_PROBLEM_ID),
  }));
}

/** One file to check, with the settings its configuration gives it: plain data, so a worker thread can take it. */
export interface FileJob {
  file: string;
  /** `file` with `/` separators, as the engine and the configuration see it. */
  path: string;
  settings: LintSettings;
}

/** What checking one file produced: its result (unless it could not be read) and its errors, in order. */
export interface FileOutcome {
  result?: FileResult;
  errors: CheckReport['errors'];
}

/** The files to lint, decided up front (configuration, exclusions) so the linting itself can be shared out. */
export interface CheckPlan {
  jobs: FileJob[];
  /** Errors found while collecting the files, reported before any file's own. */
  errors: CheckReport['errors'];
  store: ConfigStore;
}

/** Collects the files under the paths and resolves the configuration of each (the nearest `.infracoach.yaml`, or `--config`). */
export function planCheck(rules: readonly AnyRule[], options: CheckOptions): CheckPlan {
  const explicitConfig = options.config === undefined ? undefined : resolve(options.config).replace(/\\/g, '/');
  if (explicitConfig !== undefined && (!existsSync(explicitConfig) || !statSync(explicitConfig).isFile())) {
    throw new UsageError(`--config: no such file "${options.config}"`);
  }
  const store = new ConfigStore(rules);
  const { files, problems } = collectFiles(options.paths);
  if (explicitConfig !== undefined) store.load(explicitConfig);
  const jobs: FileJob[] = [];
  for (const file of files) {
    const path = file.replace(/\\/g, '/');
    // A configuration file is checked as configuration (see finishCheck), not as a Kubernetes manifest.
    if (isConfigFileName(path)) {
      store.load(path);
      continue;
    }
    const resolved = store.resolve(path, { explicitConfig });
    if (resolved.excludedBy) continue;
    jobs.push({ file, path, settings: { locale: options.locale, rules: resolved.config.rules, suppressions: resolved.config.suppressions } });
  }
  return { jobs, errors: [...problems], store };
}

/** Files do not change under a CI run: read each neighbour once, however many files ask for it. */
export function checkWorkspace(): WorkspaceView {
  return cachedWorkspace(fileSystemWorkspace(), Number.POSITIVE_INFINITY);
}

/** Reads, fixes (with `--fix`) and lints one file. */
export function checkFile(engine: Engine, workspace: WorkspaceView, job: FileJob, options: Pick<CheckOptions, 'fix' | 'locale'>): FileOutcome {
  const { file, path, settings } = job;
  const errors: CheckReport['errors'] = [];
  const read = readSourceFile(file, options.locale);
  if (read.kind === 'binary') return { errors };
  if (read.kind === 'problem') return { errors: [{ path: file, message: read.message }] };
  let text = read.text;
  try {
    const result: FileResult = { path: file, findings: [] };
    if (options.fix) {
      const fixed = fixText(engine, { path, workspace }, text, settings);
      if (fixed.unparsable) errors.push({ path: file, message: options.locale === 'ja' ? '構文エラーがあるため修正しませんでした' : 'not fixed: the file has syntax errors' });
      for (const created of fixed.createFiles) {
        // Never overwrite: the fix only ever proposes a file that was missing.
        if (!existsSync(created.path)) writeFileAtomically(created.path, created.text);
      }
      if (fixed.text !== text) {
        writeFileAtomically(file, fixed.text);
        text = fixed.text;
      }
      if (fixed.applied > 0) result.fixed = fixed.applied;
    }
    const linted = engine.lint({ path, text, workspace }, settings);
    for (const failure of linted.ruleErrors) errors.push({ path: file, message: `rule ${failure.ruleId} failed: ${String(failure.error)}` });
    for (const notice of linted.notices) errors.push({ path: file, message: notice.message });
    // A broken file is said to be broken, so that few findings are never read as "clean".
    if (linted.syntaxProblem) errors.push({ path: file, message: linted.syntaxProblem.message });
    result.findings = linted.findings;
    result.text = text;
    return { result, errors };
  } catch (error) {
    return { errors: [...errors, { path: file, message: `could not be checked: ${(error as Error).message}` }] };
  }
}

/** The report from the plan and one outcome per job, in the plan's order, followed by the configuration files' problems. */
export function finishCheck(plan: CheckPlan, outcomes: readonly FileOutcome[], locale: Locale): CheckReport {
  const report: CheckReport = { results: [], errors: [...plan.errors] };
  for (const outcome of outcomes) {
    report.errors.push(...outcome.errors);
    if (outcome.result) report.results.push(outcome.result);
  }
  for (const loaded of plan.store.loadedFiles()) {
    if (loaded.problems.length === 0) continue;
    report.results.push({ path: resolve(loaded.path), findings: configFindings(loaded, locale), text: readFileSync(loaded.path, 'utf8') });
  }
  return report;
}

/** Only the findings at or above the level (--quiet). */
export function onlyAtOrAbove(report: CheckReport, level: FailLevel): CheckReport {
  return {
    errors: report.errors,
    results: report.results.map((result) => ({ ...result, findings: result.findings.filter((finding) => atOrAbove(finding.severity, level)) })),
  };
}

export function exitCode(report: CheckReport, level: FailLevel): number {
  return report.results.some((result) => result.findings.some((finding) => atOrAbove(finding.severity, level))) ? 1 : 0;
}
