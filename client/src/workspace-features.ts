import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';

/** Request and command names shared with the server (server/src/lsp/workspace-check.ts, status.ts, suppression-actions.ts). */
const CHECK_WORKSPACE_REQUEST = 'infracoach/checkWorkspace';
const STATUS_REQUEST = 'infracoach/status';
export const CHECK_WORKSPACE_COMMAND = 'infracoach.checkWorkspace';
const SELECT_RANGE_COMMAND = 'infracoach.selectRange';

interface CheckWorkspaceResult {
  files: number;
  findings: number;
  cancelled: boolean;
}

interface FileStatus {
  text: string;
  detail: string;
  severity: 'information' | 'warning';
}

interface SelectRangeArguments {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const STATUS_SELECTOR: vscode.DocumentSelector = [
  { language: 'dockerfile' },
  { language: 'yaml' },
  { language: 'terraform' },
  { pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*,Containerfile.*}' },
];

/**
 * Tells the server when files it reads besides the open documents change on disk, so it re-checks at once:
 * `.infracoach.yaml`, and the neighbours workspace rules read (a `.dockerignore`, sibling `.tf` files, manifests).
 */
export function watchedFilesWatcher(): vscode.FileSystemWatcher {
  return vscode.workspace.createFileSystemWatcher('**/{.infracoach.yaml,.infracoach.yml,.dockerignore,*.dockerignore,*.tf,*.yaml,*.yml}');
}

async function checkWorkspace(client: LanguageClient): Promise<void> {
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Infra Coach: checking the workspace'), cancellable: true },
    async (progress, cancellation) => {
      const workDoneToken = `infracoach-check-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== 'report') return;
        const percentage = value.percentage ?? reported;
        progress.report({ message: value.message, increment: Math.max(0, percentage - reported) });
        reported = Math.max(reported, percentage);
      });
      try {
        const result = await client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, { workDoneToken }, cancellation);
        if (result.cancelled) return;
        void vscode.window.showInformationMessage(vscode.l10n.t('Infra Coach checked {0} files: {1} findings.', result.files, result.findings));
      } finally {
        listener.dispose();
      }
    },
  );
}

/** After an inserted suppression comment, select its reason placeholder so the user types over it. */
async function selectRange(args: SelectRangeArguments | undefined): Promise<void> {
  if (!args) return;
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === vscode.Uri.parse(args.uri).toString());
  if (!editor) return;
  const range = new vscode.Range(args.range.start.line, args.range.start.character, args.range.end.line, args.range.end.character);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range);
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
}

/** One language status item: findings and active rules for the file, or why nothing shows. */
function statusItem(client: LanguageClient): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('infracoach.status', STATUS_SELECTOR);
  item.name = 'Infra Coach';
  item.command = { title: vscode.l10n.t('Check workspace'), command: CHECK_WORKSPACE_COMMAND };
  let generation = 0;
  const refresh = async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return;
    const current = ++generation;
    try {
      await waitUntilRunning(client);
      const status = await client.sendRequest<FileStatus | null>(STATUS_REQUEST, { uri: document.uri.toString() });
      if (current !== generation || !status) return;
      item.text = status.text;
      item.detail = status.detail;
      item.severity = status.severity === 'warning' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    } catch {
      // The server is restarting; the next event refreshes the item.
    }
  };
  void refresh();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) void refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('infracoach')) void refresh();
    }),
  );
}

/** "Check workspace", the placeholder selection and the status item; runs the startup check when configured. */
export function registerWorkspaceFeatures(client: LanguageClient): vscode.Disposable {
  const disposable = vscode.Disposable.from(
    vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, () => checkWorkspace(client)),
    vscode.commands.registerCommand(SELECT_RANGE_COMMAND, (args?: SelectRangeArguments) => selectRange(args)),
    statusItem(client),
  );
  if (vscode.workspace.getConfiguration('infracoach').get<boolean>('checkWorkspaceOnStartup', false)) {
    // Wait for the server; a failed start is already reported by the client's own handler.
    void waitUntilRunning(client).then(() => checkWorkspace(client));
  }
  return disposable;
}

function waitUntilRunning(client: LanguageClient): Promise<void> {
  if (client.isRunning()) return Promise.resolve();
  return new Promise((resolve) => {
    const listener = client.onDidChangeState(() => {
      if (client.isRunning()) {
        listener.dispose();
        resolve();
      }
    });
  });
}
