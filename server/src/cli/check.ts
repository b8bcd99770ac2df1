import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_PROBLEM_ID, findMetaCheck } from '../engine/meta-checks';
import { isConfigFileName } from '../engine/config';
import type { Engine } from '../engine/engine';
import { docsUrl, type AnyRule } from '../engine/rule';
import type { Finding, Locale, Severity } from '../engine/types';
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

/**
 * `infracoach check`: every file under the paths, with the configuration that applies to it (the nearest
 * `.infracoach.yaml`, or `--config`), fixed first when `--fix` is given.
 */
export function runCheck(engine: Engine, rules: readonly AnyRule[], options: CheckOptions): CheckReport {
  const explicitConfig = options.config === undefined ? undefined : resolve(options.config).replace(/\\/g, '/');
  if (explicitConfig !== undefined && (!existsSync(explicitConfig) || !statSync(explicitConfig).isFile())) {
    throw new UsageError(`--config: no such file "${options.config}"`);
  }
  const store = new ConfigStore(rules);
  const { files, problems } = collectFiles(options.paths);
  const report: CheckReport = { results: [], errors: [...problems] };
  // Files do not change under a CI run: read each neighbour once, however many files ask for it.
  const workspace = cachedWorkspace(fileSystemWorkspace(), Number.POSITIVE_INFINITY);
  if (explicitConfig !== undefined) store.load(explicitConfig);
  for (const file of files) {
    const path = file.replace(/\\/g, '/');
    // A configuration file is checked as configuration (below), not as a Kubernetes manifest.
    if (isConfigFileName(path)) {
      store.load(path);
      continue;
    }
    const resolved = store.resolve(path, { explicitConfig });
    if (resolved.excludedBy) continue;
    const read = readSourceFile(file, options.locale);
    if (read.kind === 'binary') continue;
    if (read.kind === 'problem') {
      report.errors.push({ path: file, message: read.message });
      continue;
    }
    let text = read.text;
    const settings = { locale: options.locale, rules: resolved.config.rules, suppressions: resolved.config.suppressions };
    try {
      const result: FileResult = { path: file, findings: [] };
      if (options.fix) {
        const fixed = fixText(engine, { path, workspace }, text, settings);
        if (fixed.unparsable) report.errors.push({ path: file, message: options.locale === 'ja' ? '構文エラーがあるため修正しませんでした' : 'not fixed: the file has syntax errors' });
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
      for (const failure of linted.ruleErrors) report.errors.push({ path: file, message: `rule ${failure.ruleId} failed: ${String(failure.error)}` });
      for (const notice of linted.notices) report.errors.push({ path: file, message: notice.message });
      result.findings = linted.findings;
      result.text = text;
      report.results.push(result);
    } catch (error) {
      report.errors.push({ path: file, message: `could not be checked: ${(error as Error).message}` });
    }
  }
  for (const loaded of store.loadedFiles()) {
    if (loaded.problems.length === 0) continue;
    report.results.push({ path: resolve(loaded.path), findings: configFindings(loaded, options.locale), text: readFileSync(loaded.path, 'utf8') });
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
