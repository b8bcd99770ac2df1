import * as vscode from 'vscode';
import type { Catalog } from '../../server/src/lsp/catalog';
import { constructLanguage, topicAt } from './constructs';
import { ruleIdOf } from './findings';
import { CoachPanel, type CoachPanelHost } from './panel/coach-panel';
import { explainArguments } from './explain-arguments';
import { isSkillId } from './panel/links';

export type { ExplainArguments } from './explain-arguments';

/** The rule of the Infra Coach finding under the cursor, else of one on the cursor's line. */
function ruleAtCursor(editor: vscode.TextEditor | undefined): string | undefined {
  if (!editor) return undefined;
  const position = editor.selection.active;
  const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => ruleIdOf(diagnostic) !== undefined);
  const here = ours.find((diagnostic) => diagnostic.range.contains(position))
    ?? ours.find((diagnostic) => diagnostic.range.start.line <= position.line && position.line <= diagnostic.range.end.line);
  return here ? ruleIdOf(here) : undefined;
}

/** The topic of a recognisable construct (`USER`, `resources:`, `ingress {`, …) on the cursor's line. */
function constructAtCursor(editor: vscode.TextEditor | undefined): string | undefined {
  if (!editor) return undefined;
  const { document } = editor;
  const language = constructLanguage(document.languageId, document.fileName);
  if (!language) return undefined;
  const line = editor.selection.active.line;
  const first = Math.max(0, line - 60);
  const lines: string[] = [];
  for (let index = first; index <= line; index++) lines.push(document.lineAt(index).text);
  return topicAt(language, lines, line - first);
}

interface SkillPick extends vscode.QuickPickItem {
  topic: string;
}

/** The skill tree, each skill followed by its topics, searchable in both languages. */
async function pickTopic(catalog: Catalog): Promise<string | undefined> {
  const { locale } = catalog;
  const other = locale === 'en' ? 'ja' : 'en';
  const items: SkillPick[] = [];
  for (const skill of catalog.skills) {
    items.push({
      label: `${skill.id} ${skill.title[locale]}`,
      description: skill.title[other],
      detail: skill.rules.length === 0 ? undefined
        : skill.rules.length === 1 ? vscode.l10n.t('1 rule coaches this skill') : vscode.l10n.t('{0} rules coach this skill', skill.rules.length),
      topic: skill.id,
    });
    for (const topic of skill.topics) {
      items.push({ label: `$(symbol-field) ${topic.title[locale]}`, description: `${skill.id} · ${topic.title[other]}`, topic: topic.id });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Explain a skill'),
    placeHolder: vscode.l10n.t('Which skill do you want to learn about? (type in English or Japanese)'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.topic;
}

/**
 * Opens the Infra Coach panel: a rule's doc when a rule is named (Learn action, hover, Problems panel);
 * otherwise the topic of the finding under the cursor, of the construct on the cursor's line, or picked.
 */
export async function explainSkill(host: CoachPanelHost, raw?: unknown): Promise<void> {
  const catalog = await host.catalog();
  const { locale } = catalog;
  const args = explainArguments(raw);
  if (args.ruleId && catalog.rules.some((rule) => rule.id === args.ruleId)) {
    await CoachPanel.show(host, { page: { kind: 'rule', id: args.ruleId, locale } });
    return;
  }
  const editor = vscode.window.activeTextEditor;
  let topic = args.skill;
  if (!topic) {
    const ruleId = ruleAtCursor(editor);
    topic = catalog.rules.find((rule) => rule.id === ruleId)?.skill;
  }
  topic ??= constructAtCursor(editor) ?? (await pickTopic(catalog));
  if (!topic) return;
  const [skillId, slug] = topic.split('#');
  if (!isSkillId(skillId) || !catalog.skills.some((skill) => skill.id === skillId)) return;
  await CoachPanel.show(host, { page: { kind: 'skill', id: skillId, locale }, anchor: slug });
}
