import * as vscode from 'vscode';

export const OPEN_EXAMPLE_COMMAND = 'infracoach.openExample';

/**
 * Opens the walkthrough's example Dockerfile as an untitled document, so applying a fix never edits a file
 * inside the installed extension and nothing is written to the user's workspace unless they save it.
 */
export async function openExample(extensionUri: vscode.Uri): Promise<void> {
  const folder = vscode.env.language.toLowerCase().startsWith('ja') ? 'media/examples/ja' : 'media/examples';
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, folder, 'Dockerfile'));
  const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(document, { preview: false });
}
