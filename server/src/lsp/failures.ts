import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Notice } from '../engine/limits';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/**
 * Logs a failing rule once per file: a rule that throws on a document would otherwise fill the log on
 * every keystroke. Forgetting a file (on close) lets a failure after re-opening be logged again.
 */
export class RuleFailureLog {
  private readonly logged = new Map<string, Set<string>>();

  /** True the first time the rule fails on the file. */
  firstFailure(uri: string, ruleId: string): boolean {
    let rules = this.logged.get(uri);
    if (!rules) {
      rules = new Set();
      this.logged.set(uri, rules);
    }
    if (rules.has(ruleId)) return false;
    rules.add(ruleId);
    return true;
  }

  forget(uri: string): void {
    this.logged.delete(uri);
  }
}

export function describeFailure(uri: string, ruleId: string, error: unknown): string {
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  return `Rule ${ruleId} failed on ${uri} (further failures of this rule on this file are not logged): ${detail}`;
}

/** A notice (file skipped, document not analysed, time budget used up) as an information diagnostic. */
export function noticeDiagnostic(notice: Notice): Diagnostic {
  return { range: notice.range, severity: DiagnosticSeverity.Information, code: notice.code, source: DIAGNOSTIC_SOURCE, message: notice.message };
}
