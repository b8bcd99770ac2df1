import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, TransportKind,
  type ErrorHandler, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { explainSkill, type ExplainArguments } from './explain';

let client: LanguageClient | undefined;

/** Restarts a crashed server a few times within a window, then stops and says so, with the logs one click away. */
function restartingErrorHandler(output: vscode.OutputChannel): ErrorHandler {
  const restarts: number[] = [];
  const window = 3 * 60 * 1000;
  const maxRestarts = 4;
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0] > window) restarts.shift();
      if (restarts.length >= maxRestarts) {
        output.appendLine('The Infra Coach server stopped repeatedly; not restarting it again.');
        void vscode.window.showErrorMessage(vscode.l10n.t('Infra Coach stopped working after repeated crashes.'), vscode.l10n.t('Open logs')).then((choice) => {
          if (choice) output.show();
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      restarts.push(now);
      output.appendLine('The Infra Coach server stopped; restarting it.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Infra Coach');
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'terraform' },
      { scheme: 'file', pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*,Containerfile.*}' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'terraform' },
    ],
    outputChannel: output,
    initializationOptions: { language: vscode.workspace.getConfiguration('infracoach').get<string>('language', 'auto') },
    synchronize: { configurationSection: 'infracoach' },
    errorHandler: restartingErrorHandler(output),
    initializationFailedHandler: (error) => {
      output.appendLine(`Infra Coach could not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Infra Coach could not start.'), vscode.l10n.t('Open logs')).then((choice) => {
        if (choice) output.show();
      });
      return false;
    },
  };
  client = new LanguageClient('infracoach', 'Infra Coach', serverOptions, clientOptions);
  const started = client;
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('infracoach.explainSkill', (args?: ExplainArguments) => explainSkill(context, started, args)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
