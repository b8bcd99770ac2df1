import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';
import type { Catalog } from '../../server/src/lsp/catalog';
import { explainSkill } from './explain';
import { CoachPanel, PANEL_VIEW_TYPE, type CoachPanelHost } from './panel/coach-panel';
import { registerSkillMap } from './skill-map/tree';
import { openExample, OPEN_EXAMPLE_COMMAND } from './walkthrough';

export const EXPLAIN_COMMAND = 'infracoach.explainSkill';

/**
 * What the coaching features need from the language client's options: hover links to the explain command
 * must be trusted (for that one command only), and the server is told it may link diagnostics and hovers
 * to `command:infracoach.explainSkill` instead of the https docs site.
 */
export const coachClientOptions = {
  markdown: { isTrusted: { enabledCommands: [EXPLAIN_COMMAND] }, supportHtml: false },
  initializationOptions: { explainCommandLinks: true },
} satisfies Pick<LanguageClientOptions, 'markdown'> & { initializationOptions: Record<string, unknown> };

/** The Infra Coach panel, "Explain this skill", the skill map and the walkthrough's example. */
export function registerCoach(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.OutputChannel): vscode.Disposable {
  const catalog = () => client.sendRequest<Catalog>('infracoach/catalog');
  const host: CoachPanelHost = { extensionUri: context.extensionUri, catalog, log: (message) => output.appendLine(message) };
  const run = (what: string, action: () => Promise<void>) => action().catch((error: unknown) => {
    output.appendLine(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Infra Coach could not open the explanation.'), vscode.l10n.t('Open logs')).then((choice) => {
      if (choice) output.show();
    });
  });
  return vscode.Disposable.from(
    vscode.commands.registerCommand(EXPLAIN_COMMAND, (args?: unknown) => run('Explain this skill', () => explainSkill(host, args))),
    vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, () => run('Open example', () => openExample(context.extensionUri))),
    registerSkillMap(catalog),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => run('Restore the Infra Coach panel', () => CoachPanel.restore(host, panel, state)),
    }),
  );
}
