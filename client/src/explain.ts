import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface Catalog {
  skills: { id: string; title: string; otherTitle: string; page: string; rules: string[] }[];
  rules: { id: string; title: string; skill: string; docs: string }[];
}

export interface ExplainArguments {
  skill: string;
  ruleId?: string;
}

/** The rule id of an Infra Coach diagnostic under the cursor, if any. */
function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const position = editor.selection.active;
  const diagnostic = vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((candidate) => candidate.source === 'infracoach' && candidate.range.contains(position));
  const code = diagnostic?.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code !== undefined ? String(code) : undefined;
}

async function pickSkill(catalog: Catalog): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    catalog.skills.map((skill) => ({
      label: `${skill.id} ${skill.title}`,
      description: skill.otherTitle,
      detail: skill.rules.length > 0 ? vscode.l10n.t('{0} rules coach this skill', skill.rules.length) : undefined,
      skillId: skill.id,
    })),
    { placeHolder: vscode.l10n.t('Which skill do you want to learn about?'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.skillId;
}

/** Opens a skill's page: from a Learn action's arguments, the finding under the cursor, or a pick from the skill tree. */
export async function explainSkill(context: vscode.ExtensionContext, client: LanguageClient, args?: ExplainArguments): Promise<void> {
  const catalog = await client.sendRequest<Catalog>('infracoach/catalog');
  let topic = args?.skill;
  if (!topic) {
    const ruleId = ruleAtCursor();
    topic = catalog.rules.find((rule) => rule.id === ruleId)?.skill;
  }
  const skillId = topic?.split('#')[0] ?? (await pickSkill(catalog));
  const skill = catalog.skills.find((candidate) => candidate.id === skillId);
  if (!skill) return;
  const page = vscode.Uri.joinPath(context.extensionUri, skill.page);
  const fallback = vscode.Uri.joinPath(context.extensionUri, `skills/${skill.id}.en.md`);
  const target = (await exists(page)) ? page : fallback;
  await vscode.commands.executeCommand('markdown.showPreview', target);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
