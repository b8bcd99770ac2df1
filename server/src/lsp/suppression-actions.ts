import { existsSync, readFileSync } from 'node:fs';
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { newConfigText, turnOffRuleEdits } from '../engine/config';
import { findMetaCheck } from '../engine/meta-checks';
import { removeSuppressionEdit, suppressionEdit, UNUSED_SUPPRESSION_ID } from '../engine/suppression';
import { scopesForText, type SuppressionScopes } from '../engine/suppression-scopes';
import { LineIndex } from '../engine/text';
import type { Language, Locale, Range } from '../engine/types';
import { diagnosticData, isOurDiagnostic } from './diagnostics';
import { uriOfPath } from './configuration';

/** Client command that selects a range after an edit: the reason placeholder of an inserted suppression comment. */
export const SELECT_RANGE_COMMAND = 'infracoach.selectRange';

export interface SelectRangeArguments {
  uri: string;
  range: Range;
}

export interface SuppressionActionContext {
  document: TextDocument;
  path: string;
  language: Language;
  locale: Locale;
  /** Path of the `.infracoach.yaml` to write for "Turn off in this repository". */
  configPath: string;
  /** The configuration file when it is open in the editor (its buffer and version win over the disk). */
  openConfig: TextDocument | undefined;
}

const TITLES = {
  suppress: { en: 'Suppress {id} on this line', ja: 'この行の {id} を抑制' },
  turnOff: { en: 'Turn off {id} in this repository', ja: 'このリポジトリで {id} を無効にする' },
  removeUnused: { en: 'Remove unused suppression', ja: '不要な抑制コメントを削除' },
};

function title(kind: keyof typeof TITLES, ruleId: string, locale: Locale): string {
  return TITLES[kind][locale].replace('{id}', ruleId);
}

/** "Suppress <rule-id> on this line" and "Turn off <rule-id> in this repository" for each rule finding; "Remove" for unused suppressions. */
export function suppressionActions(context: SuppressionActionContext, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  let scopes: SuppressionScopes | undefined;
  let lines: LineIndex | undefined;
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (!isOurDiagnostic(diagnostic)) continue;
    const ruleId = diagnostic.code;
    const text = context.document.getText();
    lines ??= new LineIndex(text);
    scopes ??= scopesForText(context.language, context.path, text);
    if (ruleId === UNUSED_SUPPRESSION_ID) {
      const data = diagnosticData(diagnostic)?.fix;
      const edit = typeof data?.line === 'number' ? removeSuppressionEdit(context.language, lines, scopes, data.line, typeof data.ruleId === 'string' ? data.ruleId : undefined) : undefined;
      const removeTitle = TITLES.removeUnused[context.locale];
      if (edit) actions.push({ title: removeTitle, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [diagnostic], edit: { documentChanges: [{ textDocument: { uri: context.document.uri, version: context.document.version }, edits: [edit] }] } });
      continue;
    }
    if (findMetaCheck(ruleId)) continue;
    const { edit, placeholder } = suppressionEdit(context.language, lines, scopes, { ruleId, range: diagnostic.range }, context.locale);
    const suppressTitle = title('suppress', ruleId, context.locale);
    const selectArgs: SelectRangeArguments | undefined = placeholder ? { uri: context.document.uri, range: placeholder } : undefined;
    actions.push({
      title: suppressTitle,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { documentChanges: [{ textDocument: { uri: context.document.uri, version: context.document.version }, edits: [edit] }] },
      ...(selectArgs ? { command: { title: suppressTitle, command: SELECT_RANGE_COMMAND, arguments: [selectArgs] } } : {}),
    });
    // One "turn off" per rule, however many of its findings the request covers.
    if (seen.has(ruleId)) continue;
    seen.add(ruleId);
    const turnOff = turnOffEdit(context, ruleId);
    if (turnOff) actions.push({ title: title('turnOff', ruleId, context.locale), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: turnOff });
  }
  return actions;
}

function turnOffEdit(context: SuppressionActionContext, ruleId: string): WorkspaceEdit | undefined {
  const uri = uriOfPath(context.configPath);
  if (context.openConfig) {
    const edits = turnOffRuleEdits(context.openConfig.getText(), ruleId);
    return edits ? { documentChanges: [{ textDocument: { uri: context.openConfig.uri, version: context.openConfig.version }, edits }] } : undefined;
  }
  if (existsSync(context.configPath)) {
    let text: string;
    try {
      text = readFileSync(context.configPath, 'utf8');
    } catch {
      return undefined;
    }
    const edits = turnOffRuleEdits(text, ruleId);
    return edits ? { documentChanges: [{ textDocument: { uri, version: null }, edits }] } : undefined;
  }
  const start = { line: 0, character: 0 };
  return {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: newConfigText(ruleId) }] },
    ],
  };
}
