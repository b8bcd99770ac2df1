import { firstSyntaxProblem, type SyntaxProblem } from './syntax';
import { parseDockerfile } from './dockerfile/parse';
import { detectLanguage } from './detect';
import { parseKubernetes } from './kubernetes/parse';
import { KubernetesParseHandoff } from './kubernetes/parse-handoff';
import { DEFAULT_MAX_FILE_SIZE, fileTooLargeNotice, internalErrorNotice, parseNotices, skipReason, TimeBudget, timeBudgetNotice, type Notice } from './limits';
import { defaultOptions, docsUrl, formatMessage, type AnyRule, type ParsedDocuments, type Report } from './rule';
import type { SuppressionSettings } from './config/model';
import { applySuppressions } from './suppression';
import { emptyScopes, suppressionScopes } from './suppression-scopes';
import { parseTerraform } from './terraform/parse';
import { SiblingCache } from './terraform/sibling-cache';
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
  /** Policy for inline `infracoach-disable-…` comments (reasons required, unused ones reported). */
  suppressions?: Partial<SuppressionSettings>;
  /** Bytes; larger files are skipped with one notice (`infracoach.maxFileSize`). */
  maxFileSize?: number;
  /** Milliseconds all rules together may spend on one file; the rest are skipped with a notice. */
  timeBudgetMs?: number;
}

export interface LintResult {
  language: Language | undefined;
  findings: Finding[];
  /** Rules that threw, so the caller can log them once; the other rules' findings are still returned. */
  ruleErrors: { ruleId: string; error: unknown }[];
  /** Why the file was not (fully) checked: too large, a quarantined document, the time budget, a parser failure. */
  notices: Notice[];
  /** The first place the file does not parse, when it does not. */
  syntaxProblem?: SyntaxProblem;
}

type AnyParsed = ParsedDocuments[Language];

const MAX_CACHED_PARSES = 16;

export interface EngineOptions {
  rules: readonly AnyRule[];
  /** Folder holding the tree-sitter wasm files when they are not beside the bundle or in node_modules. */
  wasmDirectory?: string;
  /** Milliseconds clock for the per-file time budget; tests pass a fake one. */
  clock?: () => number;
}

export class Engine {
  private readonly siblingCache = new SiblingCache();
  private readonly kubernetesHandoff = new KubernetesParseHandoff();
  private cached: Map<string, { version: number; text: string; parsed: AnyParsed }> = new Map();

  private constructor(readonly rules: readonly AnyRule[], private readonly clock?: () => number) {}

  static async create(options: EngineOptions): Promise<Engine> {
    await loadTerraformParser(options.wasmDirectory);
    return new Engine(options.rules, options.clock);
  }

  rule(ruleId: string): AnyRule | undefined {
    return this.rules.find((rule) => rule.id === ruleId);
  }

  lint(input: LintInput, settings: LintSettings = {}): LintResult {
    const language = detectLanguage(input.path, input.languageId);
    if (!language) return { language, findings: [], ruleErrors: [], notices: [] };
    const locale = settings.locale ?? 'en';
    const skipped = skipReason(input.text, settings.maxFileSize);
    if (skipped) {
      // Binary files are skipped silently; an oversized one says so once.
      return { language, findings: [], ruleErrors: [], notices: skipped === 'too-large' ? [fileTooLargeNotice(input.text, settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, locale)] : [] };
    }
    let parsed: AnyParsed;
    try {
      parsed = this.parse(language, input);
    } catch (error) {
      // A parser failure must not take the editor down: it is reported like a failing rule.
      return { language, findings: [], ruleErrors: [{ ruleId: `${language}/parser`, error }], notices: [internalErrorNotice(language, locale)] };
    }
    const notices = parseNotices(parsed, locale);
    const syntaxProblem = firstSyntaxProblem(parsed, locale);
    const budget = new TimeBudget(settings.timeBudgetMs, this.clock);
    let unrun = 0;
    const findings: Finding[] = [];
    const ruleErrors: LintResult['ruleErrors'] = [];
    const activeRuleIds = new Set<string>();
    let scopes = emptyScopes();
    try {
      for (const rule of this.rules) {
        if (rule.language !== language) continue;
        const setting = resolveSetting(rule, settings.rules?.[rule.id]);
        if (setting.severity === 'off') continue;
        if (budget.expired()) {
          unrun++;
          continue;
        }
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
          activeRuleIds.add(rule.id);
        } catch (error) {
          ruleErrors.push({ ruleId: rule.id, error });
        }
      }
      scopes = suppressionScopes(parsed);
      if (unrun > 0) notices.push(timeBudgetNotice(budget.budgetMs, unrun, locale));
    } finally {
      if (input.version === undefined) this.release(parsed);
    }
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const kept = applySuppressions({
      language, lines: parsed.lines, findings, scopes, rules: this.rules, activeRuleIds, settings: settings.suppressions, locale: settings.locale,
    });
    return { language, findings: kept, ruleErrors, notices, ...(syntaxProblem ? { syntaxProblem } : {}) };
  }

  /** The fix a rule offers for one of its findings, or undefined when there is no safe repair. */
  fix(input: LintInput, finding: Pick<Finding, 'ruleId' | 'range' | 'data'>, settings: LintSettings = {}): Fix | undefined {
    const rule = this.rule(finding.ruleId);
    const language = detectLanguage(input.path, input.languageId);
    if (!rule?.fix || rule.language !== language || skipReason(input.text, settings.maxFileSize)) return undefined;
    const parsed = this.parse(language, input);
    try {
      const setting = resolveSetting(rule, settings.rules?.[rule.id]);
      const proposal = (rule.fix as (context: unknown) => ReturnType<NonNullable<AnyRule['fix']>>)({
        document: parsed, options: setting.options, finding: { range: finding.range, data: finding.data },
      });
      if (!proposal || (proposal.edits.length === 0 && !proposal.createFiles?.length)) return undefined;
      return {
        title: proposal.title[settings.locale ?? 'en'],
        kind: proposal.kind ?? 'quickfix',
        isPreferred: proposal.isPreferred ?? (proposal.kind ?? 'quickfix') === 'quickfix',
        edits: proposal.edits,
        ...(proposal.createFiles?.length ? { createFiles: proposal.createFiles } : {}),
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
    // The last parse of an editor document lets the parser redo only what the edit changed.
    const previous = input.version !== undefined && entry?.parsed.language === language ? entry.parsed : undefined;
    const parsed = this.parseFresh(language, input, previous);
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

  private parseFresh(language: Language, input: LintInput, previous: AnyParsed | undefined): AnyParsed {
    switch (language) {
      case 'dockerfile':
        return parseDockerfile(input.path, input.text, input.workspace);
      case 'kubernetes':
        return parseKubernetes(input.path, input.text, input.workspace, isOneShot(input) ? this.kubernetesHandoff : undefined,
          input.version === undefined ? undefined : { previous: previous?.language === 'kubernetes' ? previous : undefined });
      case 'terraform':
        // Editor documents change under their cached tree; only one-shot inputs hand trees to the sibling cache.
        return parseTerraform(input.path, input.text, input.workspace, this.siblingCache, isOneShot(input), previous?.language === 'terraform' ? previous : undefined);
    }
  }

  private release(parsed: AnyParsed): void {
    if (parsed.language === 'terraform') parsed.dispose();
  }
}

/** A file checked once with its workspace (the CLI), as opposed to an editor document that keeps changing. */
function isOneShot(input: LintInput): boolean {
  return input.version === undefined && input.workspace !== undefined;
}

function resolveSetting(rule: AnyRule, setting: RuleSetting | undefined): { severity: Severity | 'off' | undefined; options: RuleOptionValues } {
  const options = defaultOptions(rule);
  if (setting === undefined) return { severity: undefined, options };
  if (typeof setting === 'string') return { severity: setting, options };
  return { severity: setting.severity, options: { ...options, ...(setting.options ?? {}) } };
}
