import { docsUrl, type AnyRule } from '../engine/rule';
import type { Severity } from '../engine/types';
import { displayPath, type CheckReport } from './report';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, as GitHub code scanning reads it: 1-based regions, rules with help links and skill tags. */
export function toSarif(report: CheckReport, rules: readonly AnyRule[], version: string): string {
  const ruleIndex = new Map<string, number>(rules.map((rule, index) => [rule.id, index]));
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Infra Coach',
          informationUri: 'https://infracoach.dev',
          version,
          rules: rules.map((rule) => ({
            id: rule.id,
            name: rule.id.split('/')[1].replace(/-(\w)/g, (_whole, ch: string) => ch.toUpperCase()),
            shortDescription: { text: rule.title.en },
            fullDescription: { text: Object.values(rule.messages)[0]?.en ?? rule.title.en },
            helpUri: docsUrl(rule.id),
            defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
            properties: { tags: [rule.language, `skill:${rule.skill}`] },
          })),
        },
      },
      results: report.results.flatMap((result) => result.findings.map((finding) => ({
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(displayPath(result.path)) },
            region: {
              startLine: finding.range.start.line + 1,
              startColumn: finding.range.start.character + 1,
              endLine: finding.range.end.line + 1,
              endColumn: finding.range.end.character + 1,
            },
          },
        }],
      }))),
    }],
  }, null, 2);
}
