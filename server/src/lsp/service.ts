import type {
  CodeAction, CodeActionParams, Connection, Hover, HoverParams, InitializeParams, InitializeResult,
} from 'vscode-languageserver';
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import { allRules } from '../../../rules';
import { Engine, type LintInput, type LintSettings } from '../engine/engine';
import type { Finding, Locale } from '../engine/types';
import { fileSystemWorkspace } from '../node-workspace';
import { codeActionsFor } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { hoverFor } from './hover';
import { catalog, type Catalog } from './catalog';
import { LintScheduler } from './scheduler';
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
  private readonly scheduler = new LintScheduler(LINT_DELAY_MS, (uri) => this.lintNow(uri));
  private readonly workspace = fileSystemWorkspace((path) => this.openText(path));

  constructor(private readonly connection: Connection, private readonly documents: TextDocuments<TextDocument>) {
    this.ready = Engine.create({ rules: allRules }).then((engine) => (this.engine = engine));
  }

  async initialize(params: InitializeParams): Promise<InitializeResult> {
    this.clientLocale = params.locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    const options = params.initializationOptions as Partial<ServerSettings> | undefined;
    if (options?.language) this.settings = { ...this.settings, language: options.language };
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

  updateSettings(settings: unknown): void {
    const section = (settings as { infracoach?: Partial<ServerSettings> } | undefined)?.infracoach;
    if (section?.language && ['auto', 'en', 'ja'].includes(section.language)) this.settings = { ...this.settings, language: section.language };
    for (const document of this.documents.all()) this.scheduler.schedule(document.uri);
  }

  documentChanged(document: TextDocument): void {
    this.scheduler.schedule(document.uri);
  }

  documentClosed(document: TextDocument): void {
    this.scheduler.cancel(document.uri);
    this.published.delete(document.uri);
    this.engine?.forget(pathOfUri(document.uri));
    void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }

  codeActions(params: CodeActionParams): CodeAction[] {
    const document = this.documents.get(params.textDocument.uri);
    if (!document || !this.engine) return [];
    return codeActionsFor(this.engine, this.inputFor(document), document, params.context.diagnostics, this.lintSettings());
  }

  hover(params: HoverParams): Hover | null {
    const published = this.published.get(params.textDocument.uri);
    return published && this.engine ? hoverFor(this.engine, published.findings, params.position, this.locale()) : null;
  }

  catalog(): Catalog {
    return catalog(allRules, this.locale());
  }

  private lintNow(uri: string): void {
    const document = this.documents.get(uri);
    if (!document || !this.engine) return;
    const version = document.version;
    const result = this.engine.lint(this.inputFor(document), this.lintSettings());
    for (const failure of result.ruleErrors) {
      this.connection.console.error(`Rule ${failure.ruleId} failed on ${uri}: ${failure.error instanceof Error ? failure.error.stack : String(failure.error)}`);
    }
    // A newer version arrived while we were linting: its own run will publish.
    if (this.documents.get(uri)?.version !== version) return;
    this.published.set(uri, { version, findings: result.findings });
    void this.connection.sendDiagnostics({ uri, version, diagnostics: result.findings.map(toDiagnostic) });
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

  private lintSettings(): LintSettings {
    return { locale: this.locale() };
  }
}
