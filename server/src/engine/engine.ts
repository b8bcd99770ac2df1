import { parseDockerfile } from './dockerfile/parse';
import { detectLanguage } from './detect';
import { parseKubernetes } from './kubernetes/parse';
import { defaultOptions, docsUrl, formatMessage, type AnyRule, type ParsedDocuments, type Report } from './rule';
import { parseTerraform, SiblingCache } from './terraform/parse';
import { loadTerraformParser } from './terraform/tree-sitter';
import type { Finding, Fix, Language, Locale, RuleOptionValues, Severity, WorkspaceView } from './types';

export interface LintInput {
  /** Absolute, `/`-separated path (or the URI's path in the editor). */
  path: string;
  text: string;
  languageId?: string;
  /** Editor document version; inputs with a version share one parse per (path, version). */
  version?: number;
  workspace?: WorkspaceView;
}

export type RuleSetting = Severity | 'off' | { severity?: Severity | 'off'; options?: RuleOptionValues };

export interface LintSettings {
  locale?: Locale;
  rules?: Record<string, RuleSetting>;
}

export interface LintResult {
  language: Language | undefined;
  findings: Finding[];
  /** Rules that threw, so the caller can log them once; the other rules' findings are still returned. */
  ruleErrors: { ruleId: string; error: unknown }[];
}

type AnyParsed = ParsedDocuments[Language];

const MAX_CACHED_PARSES = 16;

export interface EngineOptions {
  rules: readonly AnyRule[];
  /** Folder holding the tree-sitter wasm files when they are not beside the bundle or in node_modules. */
  wasmDirectory?: string;
}

export class Engine {
  private readonly siblingCache = new SiblingCache();
  private cached: Map<string, { version: number; text: string; parsed: AnyParsed }> = new Map();

  private constructor(readonly rules: readonly AnyRule[]) {}

  static async create(options: EngineOptions): Promise<Engine> {
    await loadTerraformParser(options.wasmDirectory);
    return new Engine(options.rules);
  }

  rule(ruleId: string): AnyRule | undefined {
    return this.rules.find((rule) => rule.id === ruleId);
  }

  lint(input: LintInput, settings: LintSettings = {}): LintResult {
    const language = detectLanguage(input.path, input.languageId);
    if (!language) return { language, findings: [], ruleErrors: [] };
    const parsed = this.parse(language, input);
    const findings: Finding[] = [];
    const ruleErrors: LintResult['ruleErrors'] = [];
    try {
      for (const rule of this.rules) {
        if (rule.language !== language) continue;
        const setting = resolveSetting(rule, settings.rules?.[rule.id]);
        if (setting.severity === 'off') continue;
        const configuredSeverity = setting.severity;
        const report = (found: Report) => {
          const message = rule.messages[found.messageId];
          findings.push({
            ruleId: rule.id,
            severity: configuredSeverity ?? found.severity ?? rule.defaultSeverity,
            message: message ? formatMessage(message[settings.locale ?? 'en'], found.args) : found.messageId,
            skill: rule.skill,
            range: found.range,
            docsUrl: docsUrl(rule.id),
            ...(found.data ? { data: found.data } : {}),
          });
        };
        try {
          (rule.check as (context: unknown) => void)({ document: parsed, options: setting.options, report });
        } catch (error) {
          ruleErrors.push({ ruleId: rule.id, error });
        }
      }
    } finally {
      if (input.version === undefined) this.release(parsed);
    }
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { language, findings, ruleErrors };
  }

  /** The fix a rule offers for one of its findings, or undefined when there is no safe repair. */
  fix(input: LintInput, finding: Pick<Finding, 'ruleId' | 'range' | 'data'>, settings: LintSettings = {}): Fix | undefined {
    const rule = this.rule(finding.ruleId);
    const language = detectLanguage(input.path, input.languageId);
    if (!rule?.fix || rule.language !== language) return undefined;
    const parsed = this.parse(language, input);
    try {
      const setting = resolveSetting(rule, settings.rules?.[rule.id]);
      const proposal = (rule.fix as (context: unknown) => ReturnType<NonNullable<AnyRule['fix']>>)({
        document: parsed, options: setting.options, finding: { range: finding.range, data: finding.data },
      });
      if (!proposal || proposal.edits.length === 0) return undefined;
      return {
        title: proposal.title[settings.locale ?? 'en'],
        kind: proposal.kind ?? 'quickfix',
        isPreferred: proposal.isPreferred ?? (proposal.kind ?? 'quickfix') === 'quickfix',
        edits: proposal.edits,
      };
    } finally {
      if (input.version === undefined) this.release(parsed);
    }
  }

  /** Drops the cached parse of a closed document. */
  forget(path: string): void {
    const entry = this.cached.get(path);
    if (entry) this.release(entry.parsed);
    this.cached.delete(path);
  }

  dispose(): void {
    for (const path of [...this.cached.keys()]) this.forget(path);
    this.siblingCache.clear();
  }

  private parse(language: Language, input: LintInput): AnyParsed {
    const entry = this.cached.get(input.path);
    if (entry && input.version !== undefined && entry.version === input.version && entry.text === input.text && entry.parsed.language === language) {
      return entry.parsed;
    }
    const parsed = this.parseFresh(language, input);
    if (input.version !== undefined) {
      if (entry) this.release(entry.parsed);
      // Re-inserting keeps the map in least-recently-parsed order for eviction.
      this.cached.delete(input.path);
      this.cached.set(input.path, { version: input.version, text: input.text, parsed });
      this.evictParses();
    }
    return parsed;
  }

  /**
   * Parsed documents are only reused for code actions right after a lint, so keeping the few most recent
   * is enough; a workspace with hundreds of open files must not keep hundreds of syntax trees alive.
   */
  private evictParses(): void {
    while (this.cached.size > MAX_CACHED_PARSES) {
      const [oldest, entry] = this.cached.entries().next().value as [string, { parsed: AnyParsed }];
      this.release(entry.parsed);
      this.cached.delete(oldest);
    }
  }

  private parseFresh(language: Language, input: LintInput): AnyParsed {
    switch (language) {
      case 'dockerfile':
        return parseDockerfile(input.path, input.text, input.workspace);
      case 'kubernetes':
        return parseKubernetes(input.path, input.text, input.workspace);
      case 'terraform':
        return parseTerraform(input.path, input.text, input.workspace, this.siblingCache);
    }
  }

  private release(parsed: AnyParsed): void {
    if (parsed.language === 'terraform') parsed.dispose();
  }
}

function resolveSetting(rule: AnyRule, setting: RuleSetting | undefined): { severity: Severity | 'off' | undefined; options: RuleOptionValues } {
  const options = defaultOptions(rule);
  if (setting === undefined) return { severity: undefined, options };
  if (typeof setting === 'string') return { severity: setting, options };
  return { severity: setting.severity, options: { ...options, ...(setting.options ?? {}) } };
}
