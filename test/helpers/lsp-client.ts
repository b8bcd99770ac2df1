import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/engine/text';

export const SERVER_PATH = resolve(__dirname, '../../dist/server.js');

interface Waiter {
  uri: string;
  accept: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

/** Drives the built server over stdio JSON-RPC, as an editor would. Waits on notifications, never on timers. */
export class LspTestClient {
  readonly connection: MessageConnection;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  readonly stderr: string[] = [];
  /** What the client answers to `workspace/configuration` (the `infracoach` section); change it, then `changeSettings()`. */
  settings: unknown = {};

  private constructor(readonly process: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** `nodeArgs` go before the server script (e.g. `--require` a preload that stubs modules). */
  static async start(options: { locale?: string; initializationOptions?: unknown; rootPath?: string; nodeArgs?: string[] } = {}): Promise<LspTestClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspTestClient(child);
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootPath ? `file://${options.rootPath}` : null,
      locale: options.locale ?? 'en',
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true } }, workspace: { configuration: true } },
      initializationOptions: options.initializationOptions,
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the next diagnostics for the URI that satisfy the predicate (or the latest ones already received). */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const current = this.latest.get(uri);
    if (current && accept(current)) return Promise.resolve(current);
    return new Promise((resolveWaiter) => this.waiters.push({ uri, accept, resolve: resolveWaiter }));
  }

  /** Diagnostics published for the document's current version. */
  currentDiagnostics(uri: string): Promise<Diagnostic[]> {
    const version = this.versions.get(uri);
    return this.diagnostics(uri, (params) => params.version === undefined || params.version === version).then((params) => params.diagnostics);
  }

  async open(uri: string, languageId: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    this.latest.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return this.currentDiagnostics(uri);
  }

  async replace(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return this.currentDiagnostics(uri);
  }

  /** An incremental one-range change, as an editor sends per keystroke; resolves with that version's diagnostics. */
  async edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, applyEdits(this.texts.get(uri) ?? '', [{ range, newText }]));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
    return this.currentDiagnostics(uri);
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const cleared = new Promise<PublishDiagnosticsParams>((resolveWaiter) => this.waiters.push({ uri, accept: (params) => params.diagnostics.length === 0, resolve: resolveWaiter }));
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return cleared;
  }

  codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  }

  hover(uri: string, position: { line: number; character: number }): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  /** Applies a code action's versioned edit to our copy of the document and sends it to the server, as the editor does. */
  async apply(uri: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const change = action.edit?.documentChanges?.find((candidate) => 'edits' in candidate && candidate.textDocument.uri === uri);
    if (!change || !('edits' in change)) throw new Error(`code action "${action.title}" has no edit for ${uri}`);
    if (change.textDocument.version !== this.versions.get(uri)) throw new Error('the edit targets a stale document version');
    const text = applyEdits(this.texts.get(uri) ?? '', change.edits as TextEdit[]);
    const diagnostics = await this.replace(uri, text);
    return { text, diagnostics };
  }

  /** Tells the server the settings changed, as VS Code does; the server pulls `settings` back. */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone (tests that kill it).
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
