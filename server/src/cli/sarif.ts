import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../docs/package-root';
import { findMetaCheck, META_CHECKS } from '../engine/meta-checks';
import { docsPaths, docsUrl, type AnyRule } from '../engine/rule';
import { findSkill, findTopic } from '../engine/skills';
import { LineIndex } from '../engine/text';
import type { Finding, Severity } from '../engine/types';
import type { CheckReport } from './report';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SOURCE_ROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'infracoachFindingHash/v1';
const DOCS_SITE = 'https://infracoach.dev/';

/** A rule's English explanation page, with relative links made absolute so they work where SARIF is shown. */
export function ruleHelpMarkdown(ruleId: string, root = packageRoot()): string | undefined {
  if (!root) return undefined;
  const path = docsPaths(ruleId).en;
  let markdown: string;
  try {
    markdown = readFileSync(resolve(root, path), 'utf8');
  } catch {
    return undefined;
  }
  return markdown.replace(/\]\((?!#|[a-z][a-z0-9+.-]*:)([^)\s]+)\)/gi, (_whole, link: string) => `](${new URL(link, DOCS_SITE + path).href})`);
}

/** The first paragraph of the page's "What it checks" section, as plain text. */
function whatItChecks(markdown: string | undefined): string | undefined {
  const section = markdown?.split(/^## /m).find((part) => part.startsWith('What it checks'));
  const paragraph = section?.split('\n').slice(1).join('\n').trim().split(/\n\s*\n/)[0];
  return paragraph ? paragraph.replace(/\s*\n\s*/g, ' ').trim() : undefined;
}

function pascalCase(ruleId: string): string {
  return ruleId.split('/').pop()!.replace(/(^|-)(\w)/g, (_whole, _dash: string, ch: string) => ch.toUpperCase());
}

function ruleDescriptor(rule: AnyRule) {
  const markdown = ruleHelpMarkdown(rule.id);
  const skill = findSkill(rule.skill);
  const topic = findTopic(rule.skill);
  const summary = `${rule.title.en}. Skill: ${skill ? `${skill.id} ${skill.title.en}` : rule.skill}${topic ? ` › ${topic.title.en}` : ''}.`;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title.en },
    fullDescription: { text: whatItChecks(markdown) ?? summary },
    helpUri: docsUrl(rule.id),
    help: { text: summary, markdown: markdown ?? `**${rule.title.en}**\n\n${summary}\n\n[Read the explanation](${docsUrl(rule.id)})` },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    properties: { tags: [rule.language, `skill:${rule.skill}`, ...(skill ? [`skill:${skill.id}`] : [])] },
  };
}

function metaDescriptor(id: string) {
  const check = findMetaCheck(id)!;
  return {
    id: check.id,
    name: pascalCase(check.id),
    shortDescription: { text: check.title.en },
    fullDescription: { text: check.description.en },
    helpUri: docsUrl(check.id),
    help: { text: check.description.en, markdown: `**${check.title.en}**\n\n${check.description.en}` },
    defaultConfiguration: { level: LEVELS[check.severity] },
    properties: { tags: ['infracoach'] },
  };
}

/** `/`-separated, percent-encoded path relative to the root; an absolute file URI when the file lies outside it. */
function artifactLocation(path: string, root: string): { uri: string; uriBaseId?: string } {
  const relativePath = relative(root, path);
  if (relativePath === '' || relativePath.startsWith('..') || resolve(root, relativePath) !== resolve(path) || /^[a-z]:/i.test(relativePath)) {
    return { uri: pathToFileURL(path).href };
  }
  return { uri: relativePath.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/**
 * A fingerprint that survives lines being added above the finding: the rule, the file and the text of the
 * finding's line and range (whitespace-normalised), plus how many identical ones came before it in the file.
 */
function fingerprints(findings: readonly Finding[], uri: string, text: string | undefined): string[] {
  const lines = text === undefined ? undefined : new LineIndex(text);
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const lineText = lines ? lines.lineText(finding.range.start.line).replace(/\s+/g, ' ').trim() : '';
    const rangeText = lines ? lines.text.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end)).replace(/\s+/g, ' ').trim() : '';
    const hash = createHash('sha256').update([finding.ruleId, uri, lineText, rangeText].join('\0')).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

/** SARIF 2.1.0, as GitHub code scanning reads it: rules with help and skill tags, 1-based regions, stable fingerprints. */
export function toSarif(report: CheckReport, rules: readonly AnyRule[], version: string, root = process.cwd()): string {
  const usedMeta = new Set(report.results.flatMap((result) => result.findings.map((finding) => finding.ruleId)).filter((id) => findMetaCheck(id)));
  const descriptors = [...rules.map(ruleDescriptor), ...META_CHECKS.filter((check) => usedMeta.has(check.id)).map((check) => metaDescriptor(check.id))];
  const ruleIndex = new Map<string, number>(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const absoluteRoot = resolve(root);
  const results = report.results.flatMap((result) => {
    const location = artifactLocation(result.path, absoluteRoot);
    const prints = fingerprints(result.findings, location.uri, result.text);
    return result.findings.map((finding, index) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [{
        physicalLocation: {
          artifactLocation: location,
          region: {
            startLine: finding.range.start.line + 1,
            startColumn: finding.range.start.character + 1,
            endLine: finding.range.end.line + 1,
            endColumn: finding.range.end.character + 1,
          },
        },
      }],
      partialFingerprints: { [FINGERPRINT_KEY]: prints[index] },
      ...(finding.skill ? { properties: { skill: finding.skill } } : {}),
    }));
  });
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Infra Coach', informationUri: DOCS_SITE, version, semanticVersion: version, rules: descriptors } },
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(absoluteRoot.endsWith(sep) ? absoluteRoot : absoluteRoot + sep).href } },
      columnKind: 'utf16CodeUnits',
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: report.errors.map((error) => ({
          level: 'warning',
          message: { text: error.message },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(resolve(error.path), absoluteRoot) } }],
        })),
      }],
      results,
    }],
  }, null, 2);
}
