import * as vscode from 'vscode';
import type { Catalog } from '../../server/src/lsp/catalog';
import type { PanelSeverity } from './panel/html';

export const DIAGNOSTIC_SOURCE = 'infracoach';

/** One of our diagnostics anywhere in the workspace, with the skill topic its rule coaches. */
export interface WorkspaceFinding {
  uri: vscode.Uri;
  range: vscode.Range;
  ruleId: string;
  topic: string;
  message: string;
  severity: PanelSeverity;
}

const SEVERITIES: Record<vscode.DiagnosticSeverity, PanelSeverity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The rule id of an Infra Coach diagnostic (its `code`, which may carry a link target). */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (typeof code === 'object' && code !== null && typeof code.value === 'string') return code.value;
  return undefined;
}

/** Every Infra Coach diagnostic VS Code currently holds, sorted by file and position. */
export function workspaceFindings(catalog: Catalog): WorkspaceFinding[] {
  const topics = new Map(catalog.rules.map((rule) => [rule.id, rule.skill]));
  const findings: WorkspaceFinding[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      const topic = ruleId ? topics.get(ruleId) : undefined;
      if (!ruleId || !topic) continue;
      findings.push({ uri, range: diagnostic.range, ruleId, topic, message: diagnostic.message, severity: SEVERITIES[diagnostic.severity] });
    }
  }
  return findings.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()) || a.range.start.compareTo(b.range.start));
}

/** Opens a finding's file with its range selected, beside the Infra Coach panel rather than over it. */
export async function revealFinding(finding: Pick<WorkspaceFinding, 'uri' | 'range'>, avoidColumn?: vscode.ViewColumn): Promise<void> {
  const viewColumn = avoidColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  await vscode.window.showTextDocument(finding.uri, { selection: finding.range, viewColumn, preserveFocus: false });
}
