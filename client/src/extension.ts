import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, TransportKind,
  type ErrorHandler, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { coachClientOptions, registerCoach } from './coach';
import { watchedFilesWatcher, registerWorkspaceFeatures } from './workspace-features';
import { RestartPolicy } from './restart-policy';

let client: LanguageClient | undefined;

/** Restarts a crashed server a few times within a window (restart-policy.ts), then stops and says so, with the logs one click away. */
function restartingErrorHandler(output: vscode.OutputChannel): ErrorHandler {
  const policy = new RestartPolicy();
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      if (policy.serverStopped() === 'give-up') {
        output.appendLine('The Infra Coach server stopped repeatedly; not restarting it again.');
        void vscode.window.showErrorMessage(vscode.l10n.t('Infra Coach stopped working after repeated crashes.'), vscode.l10n.t('Open logs')).then((choice) => {
          if (choice) output.show();
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      // The client re-sends every open document to the new server, which checks them again.
      output.appendLine('The Infra Coach server stopped; restarting it.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Infra Coach');
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // A small young generation keeps the server's resident memory low with many files open (bench section 5);
    // the bench starts the server with the same flag.
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=4'] } },
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
    initializationOptions: {
      language: vscode.workspace.getConfiguration('infracoach').get<string>('language', 'auto'),
      // The watcher below reports changes to the files workspace rules read, so the server may trust its cache of them.
      watchesNeighbourFiles: true,
      ...coachClientOptions.initializationOptions,
    },
    markdown: coachClientOptions.markdown,
    synchronize: { configurationSection: 'infracoach', fileEvents: watchedFilesWatcher() },
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
    registerCoach(context, started, output),
    registerWorkspaceFeatures(started),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
