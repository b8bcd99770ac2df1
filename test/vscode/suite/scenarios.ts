// Runs inside VS Code's extension host: the extension as VS Code itself sees it, through the public API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findSkill, findTopic } from '../../../server/src/engine/skills';

/** The part of mocha's BDD interface the suite uses, handed over by index.ts (mocha is optional, so no @types/mocha). */
export interface BddApi {
  describe(title: string, body: () => void): void;
  it(title: string, body: () => Promise<void>): void;
  before(body: () => Promise<void>): void;
}

const EXTENSION_ID = 'infracoach.infracoach';
const WAIT_MS = 30_000;

export function defineSuite({ describe, it, before }: BddApi): void {
  describe('Infra Coach in VS Code', () => {
    let folder: vscode.Uri;
    before(async () => {
      const workspace = vscode.workspace.workspaceFolders?.[0];
      assert.ok(workspace, 'the test must be started with a copy of examples/ as its workspace folder');
      folder = workspace.uri;
    });

    it('activates on a Dockerfile', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not loaded`);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'dockerfile/Dockerfile')));
      await extension.activate();
      assert.equal(extension.isActive, true);
    });

    it('reports root-user and no-multi-stage with code, link and source', async () => {
      const uri = vscode.Uri.joinPath(folder, 'dockerfile/Dockerfile');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const diagnostics = await waitForDiagnostics(uri, (found) => hasCodes(found, ['dockerfile/root-user', 'dockerfile/no-multi-stage']));
      for (const diagnostic of diagnostics.filter((candidate) => candidate.source === 'infracoach')) {
        assert.equal(typeof diagnostic.code, 'object', 'the code carries its documentation link');
        const code = diagnostic.code as { value: string | number; target: vscode.Uri };
        assert.match(String(code.value), /^(dockerfile|kubernetes|terraform)\//);
        assert.ok(code.target.toString().length > 0, `${code.value} has no codeDescription link`);
      }
    });

    it('fixes missing resource limits through a code action', async () => {
      const uri = vscode.Uri.joinPath(folder, 'kubernetes/deployment.yaml');
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const [finding] = (await waitForDiagnostics(uri, (found) => hasCodes(found, ['kubernetes/missing-resource-limits'])))
        .filter((diagnostic) => codeOf(diagnostic) === 'kubernetes/missing-resource-limits');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((action) => action.edit && action.diagnostics?.some((diagnostic) => codeOf(diagnostic) === 'kubernetes/missing-resource-limits'));
      assert.ok(fix?.edit, `no quick fix with an edit among: ${actions.map((action) => action.title).join(' | ')}`);
      assert.ok(actions.some((action) => action.command?.command === 'infracoach.explainSkill'), 'no Learn action');
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      assert.match(document.getText(), /^\s+limits:\s*$/m);
      await waitForDiagnostics(uri, (found) => !hasCodes(found, ['kubernetes/missing-resource-limits']));
    });

    it('explains the skill of the finding under the cursor', async () => {
      const uri = vscode.Uri.joinPath(folder, 'terraform/main.tf');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const [finding] = (await waitForDiagnostics(uri, (found) => hasCodes(found, ['terraform/open-security-group'])))
        .filter((diagnostic) => codeOf(diagnostic) === 'terraform/open-security-group');
      editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
      const opened = waitForTab((label) => explanationTitles().some((title) => label.includes(title)));
      await vscode.commands.executeCommand('infracoach.explainSkill');
      await opened;
    });
  });
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

function hasCodes(diagnostics: readonly vscode.Diagnostic[], codes: string[]): boolean {
  return codes.every((code) => diagnostics.some((diagnostic) => codeOf(diagnostic) === code));
}

/** Titles the explanation of the open security group may carry: its skill's or its topic's. */
function explanationTitles(): string[] {
  const skill = '4.4.1#network-exposure';
  return [findSkill(skill)?.title.en, findTopic(skill)?.title.en].filter((title): title is string => title !== undefined);
}

/** Resolves with the document's diagnostics once they pass the test; driven by onDidChangeDiagnostics. */
function waitForDiagnostics(uri: vscode.Uri, test: (diagnostics: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  return waitForEvent(vscode.languages.onDidChangeDiagnostics, () => {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    return test(diagnostics) ? diagnostics : undefined;
  }, () => `diagnostics of ${uri.fsPath}: ${vscode.languages.getDiagnostics(uri).map(codeOf).join(', ') || 'none'}`);
}

function waitForTab(test: (label: string) => boolean): Promise<string> {
  const labels = (): string[] => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
  return waitForEvent(vscode.window.tabGroups.onDidChangeTabs, () => labels().find(test), () => `open tabs: ${labels().join(' | ')}`);
}

/** Checks now and on every event until `probe` returns a value, or fails after WAIT_MS saying what it saw. */
function waitForEvent<E, T>(event: vscode.Event<E>, probe: () => T | undefined, describe: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const finish = (value?: T, error?: Error): void => {
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve(value as T);
    };
    const check = (): void => {
      const value = probe();
      if (value !== undefined) finish(value);
    };
    const subscription = event(check);
    const timer = setTimeout(() => finish(undefined, new Error(`gave up after ${WAIT_MS} ms; ${describe()}`)), WAIT_MS);
    check();
  });
}
