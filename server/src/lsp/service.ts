import type {
  CancellationToken, CodeAction, CodeActionParams, Connection, DidChangeWatchedFilesParams, Hover, HoverParams, InitializeParams, InitializeResult,
  WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { CodeActionKind, MessageType, ShowMessageNotification, TextDocumentSyncKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import { allRules } from '../../../rules';
import { Engine, type LintInput, type LintSettings } from '../engine/engine';
import type { Finding, Locale } from '../engine/types';
import { detectLanguage } from '../engine/detect';
import { readClosedFile as readDisk, uriOfPath, WorkspaceConfiguration } from './configuration';
import { readEditorSettings, settingsWarning } from './settings';
import { fileStatus, type FileStatus } from './status';
import { suppressionActions } from './suppression-actions';
import { checkWorkspace, type CheckWorkspaceResult } from './workspace-check';
import { codeActionsFor } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { describeFailure, noticeDiagnostic, RuleFailureLog } from './failures';
import { hoverFor } from './hover';
import { packageRoot } from '../docs/package-root';
import { RuleDocs } from '../docs/rule-docs';
import { catalog, type Catalog } from './catalog';
import { IdleCollector } from './idle-collector';
import { LintScheduler } from './scheduler';
import { neighbourCache } from './neighbour-cache';
import { affectedByNeighbours } from './neighbours';
import { CheckedClosedFiles } from './closed-files';
import { pathOfUri } from './uri';

/** Small enough to feel instant, long enough to coalesce a burst of keystrokes into one run. */
const LINT_DELAY_MS = 15;

export interface ServerSettings {
  language: 'auto' | Locale;
}

/** All language-server behaviour; `server.ts` only wires these methods to the connection. */
export class InfraCoachService {
  private engine: Engine | undefined;
  private readonly ready: Promise<Engine>;
  private clientLocale: Locale = 'en';
  private settings: ServerSettings = { language: 'auto' };
  private readonly published = new Map<string, { version: number; findings: Finding[] }>();
  private readonly idleCollector = new IdleCollector();
  private readonly scheduler = new LintScheduler(LINT_DELAY_MS, (uri) => {
    this.lintNow(uri);
    this.idleCollector.workDone();
  });
  private readonly workspace = neighbourCache((path) => this.openText(path));
  /** Rule docs for hovers, read once at start from the package's `rules/docs`. */
  private readonly ruleDocs = RuleDocs.load(packageRoot(), allRules.map((rule) => rule.id));
  /** Whether the client runs `command:infracoach.explainSkill` links (see lsp/explain-links.ts). */
  private explainCommandLinks = false;
  /** Editor settings over the nearest `.infracoach.yaml`, per workspace folder. */
  private readonly configuration = new WorkspaceConfiguration(allRules, (path) => this.openText(path), readDisk);
  private canPullConfiguration = false;
  private settingsGeneration = 0;
  private shownSettingsProblems: string | undefined;
  private readonly closedFiles = new CheckedClosedFiles(
    (path, text) => this.lintClosed(path, text),
    (path, findings) => void this.connection.sendDiagnostics({ uri: uriOfPath(path), diagnostics: findings.map((finding) => toDiagnostic(finding, this.explainCommandLinks)) }),
    readDisk,
    (path) => this.openText(path) !== undefined,
  );
  private readonly failures = new RuleFailureLog();

  constructor(private readonly connection: Connection, private readonly documents: TextDocuments<TextDocument>) {
    this.ready = Engine.create({ rules: allRules }).then((engine) => (this.engine = engine));
  }

  async initialize(params: InitializeParams): Promise<InitializeResult> {
    this.clientLocale = params.locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    const options = params.initializationOptions as Partial<ServerSettings> | undefined;
    if (options?.language) this.settings = { ...this.settings, language: options.language };
    const clientOptions = params.initializationOptions as { explainCommandLinks?: unknown; watchesNeighbourFiles?: unknown } | undefined;
    this.explainCommandLinks = clientOptions?.explainCommandLinks === true;
    if (clientOptions?.watchesNeighbourFiles === true) this.workspace.watchedByClient();
    this.canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : params.rootPath ? [uriOfPath(params.rootPath)] : []);
    this.configuration.setWorkspaceFolders(folders);
    await this.ready;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        hoverProvider: true,
      },
      serverInfo: { name: 'infracoach' },
    };
  }

  /** After `initialized`: read the settings the client has (the pull model), then check what is open. */
  async initialized(): Promise<void> {
    await this.updateSettings(undefined);
  }

  /** `workspace/didChangeConfiguration`: use the `infracoach` section it carries, else pull it when the client can. */
  async updateSettings(pushed: unknown): Promise<void> {
    const generation = ++this.settingsGeneration;
    let section = (pushed as { infracoach?: unknown } | null | undefined)?.infracoach;
    if (section === undefined && this.canPullConfiguration) {
      try {
        section = await this.connection.workspace.getConfiguration('infracoach');
      } catch (error) {
        this.connection.console.warn(`Could not read the infracoach settings: ${String(error)}`);
      }
      // A later change is already being read; applying this one now would undo it.
      if (generation !== this.settingsGeneration) return;
    }
    const settings = readEditorSettings(section, allRules);
    // Without a language in the settings, the one from initializationOptions stays.
    if (typeof (section as { language?: unknown } | null | undefined)?.language !== 'string') settings.language = this.settings.language;
    this.configuration.settings = settings;
    this.settings = { ...this.settings, language: settings.language };
    this.configuration.republishAll();
    this.reportSettingsProblems();
    this.recheckEverything();
  }

  /**
   * Files created, changed or deleted on disk. A `.infracoach.yaml` changes the configuration of everything; any
   * other file may be a neighbour a workspace rule reads (a `.dockerignore`, a sibling `.tf`, a manifest), so what
   * was cached about it is dropped at once, not when the cache ages, and the open documents are checked again.
   */
  watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    const paths = params.changes.map((change) => pathOfUri(change.uri));
    for (const path of paths) this.workspace.invalidate(path);
    const configFiles = paths.filter((path) => this.configuration.isConfigFile(path));
    if (configFiles.length > 0) {
      for (const path of configFiles) this.configuration.configFileChanged(path);
      this.recheckEverything();
      return;
    }
    const changedFolders = new Set(paths.map((path) => path.slice(0, path.lastIndexOf('/'))));
    const open = new Map(this.documents.all().map((document) => [pathOfUri(document.uri), document.uri]));
    for (const path of affectedByNeighbours(changedFolders, open.keys())) this.scheduler.schedule(open.get(path)!);
    this.closedFiles.recheckAffected(changedFolders);
  }

  documentChanged(document: TextDocument): void {
    const path = pathOfUri(document.uri);
    if (this.configuration.isConfigFile(path)) {
      // Typing in the configuration applies at once, before it is saved.
      this.configuration.configFileChanged(path);
      this.recheckEverything();
    }
    this.scheduler.schedule(document.uri);
  }

  documentClosed(document: TextDocument): void {
    const path = pathOfUri(document.uri);
    this.scheduler.cancel(document.uri);
    this.published.delete(document.uri);
    this.failures.forget(document.uri);
    this.engine?.forget(path);
    if (this.configuration.isConfigFile(path)) {
      // Unsaved edits are gone: the file on disk applies again.
      this.configuration.configFileChanged(path);
      this.recheckEverything();
      return;
    }
    // A file the workspace check covered keeps its findings in the Problems panel, as it is on disk.
    if (this.closedFiles.has(path) && this.closedFiles.recheck(path)) return;
    void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }

  async checkWorkspace(token: CancellationToken, progress: WorkDoneProgressReporter): Promise<CheckWorkspaceResult> {
    await this.ready;
    try {
      return await checkWorkspace({
        folders: this.configuration.workspaceFolders(),
        maxFileSize: this.configuration.settings.maxFileSize,
        locale: this.locale(),
        isOpen: (path) => this.openText(path) !== undefined,
        lint: (path, text) => this.lintClosed(path, text),
        publish: (path, findings) => this.closedFiles.checked(path, findings),
      }, token, progress);
    } finally {
      this.idleCollector.workDone();
    }
  }

  status(params: { uri: string }): FileStatus | null {
    const document = this.documents.get(params.uri);
    if (!document) return null;
    const path = pathOfUri(document.uri);
    const isConfigFile = this.configuration.isConfigFile(path);
    const resolved = isConfigFile ? undefined : this.configuration.resolve(path);
    return fileStatus({
      path, text: document.getText(), languageId: document.languageId, enabled: this.configuration.settings.enable,
      maxFileSize: this.configuration.settings.maxFileSize, resolved, isConfigFile,
      configProblems: isConfigFile ? this.configuration.loadConfigFile(path)?.problems.length : undefined,
      findings: this.published.get(document.uri)?.findings.length, rules: allRules,
      lintSettings: resolved ? this.configuration.lintSettings(resolved, this.locale()) : undefined, locale: this.locale(),
    });
  }

  codeActions(params: CodeActionParams): CodeAction[] {
    const document = this.documents.get(params.textDocument.uri);
    if (!document || !this.engine) return [];
    const path = pathOfUri(document.uri);
    const language = detectLanguage(path, document.languageId);
    if (!language || this.configuration.isConfigFile(path)) return [];
    const settings = this.lintSettingsFor(path);
    const actions = codeActionsFor(this.engine, this.inputFor(document), document, params.context.diagnostics, settings, (ruleId, error) => {
      if (this.failures.firstFailure(document.uri, `${ruleId} (fix)`)) this.connection.console.error(describeFailure(document.uri, `${ruleId} (fix)`, error));
    });
    const configPath = this.configuration.configTargetFor(path);
    const openConfig = this.documents.all().find((open) => pathOfUri(open.uri) === configPath);
    return [...actions, ...suppressionActions({ document, path, language, locale: this.locale(), configPath, openConfig }, params.context.diagnostics)];
  }

  hover(params: HoverParams): Hover | null {
    const published = this.published.get(params.textDocument.uri);
    return published && this.engine ? hoverFor(this.engine, published.findings, params.position, { locale: this.locale(), docs: this.ruleDocs, explainCommandLinks: this.explainCommandLinks }) : null;
  }

  catalog(): Catalog {
    return catalog(allRules, this.locale());
  }

  private lintNow(uri: string): void {
    const document = this.documents.get(uri);
    if (!document || !this.engine) return;
    const version = document.version;
    const path = pathOfUri(uri);
    if (this.configuration.isConfigFile(path)) {
      this.configuration.loadConfigFile(path);
      this.publishConfigProblems(uriOfPath(path));
      return;
    }
    const resolved = this.configuration.resolve(path);
    this.publishConfigProblems();
    if (!this.configuration.settings.enable || resolved.excludedBy) {
      this.published.set(uri, { version, findings: [] });
      void this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const result = this.engine.lint(this.inputFor(document), this.configuration.lintSettings(resolved, this.locale()));
    for (const failure of result.ruleErrors) {
      if (this.failures.firstFailure(uri, failure.ruleId)) this.connection.console.error(describeFailure(uri, failure.ruleId, failure.error));
    }
    // A newer version arrived while we were linting: its own run will publish.
    if (this.documents.get(uri)?.version !== version) return;
    this.published.set(uri, { version, findings: result.findings });
    const diagnostics = [...result.findings.map((finding) => toDiagnostic(finding, this.explainCommandLinks)), ...result.notices.map(noticeDiagnostic)];
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private inputFor(document: TextDocument): LintInput {
    return { path: pathOfUri(document.uri), text: document.getText(), languageId: document.languageId, version: document.version, workspace: this.workspace };
  }

  private openText(path: string): string | undefined {
    return this.documents.all().find((document) => pathOfUri(document.uri) === path)?.getText();
  }

  private locale(): Locale {
    return this.settings.language === 'auto' ? this.clientLocale : this.settings.language;
  }

  private lintSettingsFor(path: string): LintSettings {
    return this.configuration.lintSettings(this.configuration.resolve(path), this.locale());
  }

  /** Findings for a closed file, or undefined when it is not to be checked (disabled, excluded, configuration). */
  private lintClosed(path: string, text: string): Finding[] | undefined {
    if (!this.engine || !this.configuration.settings.enable || this.configuration.isConfigFile(path)) return undefined;
    const resolved = this.configuration.resolve(path);
    this.publishConfigProblems();
    if (resolved.excludedBy) return undefined;
    const result = this.engine.lint({ path, text, workspace: this.workspace }, this.configuration.lintSettings(resolved, this.locale()));
    return result.findings;
  }

  /** Settings or a configuration file changed: every open document, and the closed ones the workspace check covered. */
  private recheckEverything(): void {
    for (const document of this.documents.all()) this.scheduler.schedule(document.uri);
    this.closedFiles.recheckAll();
    this.publishConfigProblems();
  }

  private publishConfigProblems(always?: string): void {
    for (const update of this.configuration.configDiagnostics(this.locale(), always)) void this.connection.sendDiagnostics(update);
  }

  /** Invalid settings have no file to carry a diagnostic: log them and say so once per distinct set. */
  private reportSettingsProblems(): void {
    const warning = settingsWarning(this.configuration.settings.problems, this.locale());
    if (warning?.message === this.shownSettingsProblems) return;
    this.shownSettingsProblems = warning?.message;
    if (!warning) return;
    for (const line of warning.lines) this.connection.console.warn(line);
    // A notification, not a request: nothing to wait for, and no failure if the client does not answer.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: warning.message });
  }
}
