import type { DockerfileDocument } from './dockerfile/parse';
import type { KubernetesDocument } from './kubernetes/parse';
import type { TerraformDocument } from './terraform/parse';
import type {
  FileCreation, Finding, FindingData, FixKind, Language, LocalizedText, Range, RuleOption, RuleOptionValues, Severity, TextEdit,
} from './types';

export interface ParsedDocuments {
  dockerfile: DockerfileDocument;
  kubernetes: KubernetesDocument;
  terraform: TerraformDocument;
}

export interface Report {
  range: Range;
  messageId: string;
  /** Values substituted for `{name}` placeholders in the message. */
  args?: Record<string, string | number>;
  data?: FindingData;
  /** A rule may grade one finding above or below its default (e.g. an open SSH port); configuration still wins. */
  severity?: Severity;
}

export interface CheckContext<L extends Language> {
  document: ParsedDocuments[L];
  options: RuleOptionValues;
  report(report: Report): void;
}

export interface FixContext<L extends Language> {
  document: ParsedDocuments[L];
  options: RuleOptionValues;
  finding: Pick<Finding, 'range' | 'data'>;
}

export interface FixProposal {
  title: LocalizedText;
  edits: TextEdit[];
  /** Files the fix creates beside the document (a workspace rule's repair); the edits may then be empty. */
  createFiles?: FileCreation[];
  /** Defaults to a preferred quick fix. */
  kind?: FixKind;
  isPreferred?: boolean;
}

export interface Rule<L extends Language = Language> {
  /** `<language>/<kebab-name>`; the docs path and link are derived from it. */
  id: `${L}/${string}`;
  language: L;
  defaultSeverity: Severity;
  /** Skill topic from the seed chapter, e.g. `4.1.1#multi-stage-builds`. */
  skill: string;
  title: LocalizedText;
  messages: Record<string, LocalizedText>;
  options?: Record<string, RuleOption>;
  /** Set when the rule offers a fix, so listings can say so without running it. */
  fixable?: FixKind;
  /** Peer tool ids whose inline suppressions also silence this rule (e.g. hadolint `DL3002`). */
  peerIds?: string[];
  check(context: CheckContext<L>): void;
  fix?(context: FixContext<L>): FixProposal | undefined;
}

export type AnyRule = Rule<'dockerfile'> | Rule<'kubernetes'> | Rule<'terraform'>;

/** Identity helper that gives rule files full type inference for their language. */
export function defineRule<L extends Language>(rule: Rule<L>): Rule<L> {
  return rule;
}

export const DOCS_BASE_URL = 'https://infracoach.dev/rules/';

export function docsUrl(ruleId: string): string {
  return DOCS_BASE_URL + ruleId;
}

/** Repository-relative paths of a rule's explanation pages. */
export function docsPaths(ruleId: string): LocalizedText {
  return { en: `rules/docs/${ruleId}.en.md`, ja: `rules/docs/${ruleId}.ja.md` };
}

export function formatMessage(template: string, args: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

export function defaultOptions(rule: AnyRule): RuleOptionValues {
  const values: RuleOptionValues = {};
  for (const [name, option] of Object.entries(rule.options ?? {})) values[name] = option.default;
  return values;
}
