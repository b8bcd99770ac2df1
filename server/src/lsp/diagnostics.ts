import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, FindingData, Severity } from '../engine/types';
import { explainCommandUri } from './explain-links';

export const DIAGNOSTIC_SOURCE = 'infracoach';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What travels in `Diagnostic.data`: the rule's own fix data and the skill, so code actions never read the message. */
export interface DiagnosticData {
  skill: string;
  fix?: FindingData;
}

/** `explainCommandLinks`: link the rule to the Infra Coach panel instead of the https docs (see explain-links.ts). */
export function toDiagnostic(finding: Finding, explainCommandLinks = false): Diagnostic {
  const data: DiagnosticData = { skill: finding.skill, ...(finding.data ? { fix: finding.data } : {}) };
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    // Findings about configuration and suppression comments (no skill) have no explanation page to link.
    ...(finding.skill ? { codeDescription: { href: explainCommandLinks ? explainCommandUri(finding.ruleId) : finding.docsUrl } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}

export function isOurDiagnostic(diagnostic: Diagnostic): diagnostic is Diagnostic & { code: string } {
  return diagnostic.source === DIAGNOSTIC_SOURCE && typeof diagnostic.code === 'string';
}

export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return data && typeof data.skill === 'string' ? (data as DiagnosticData) : undefined;
}
