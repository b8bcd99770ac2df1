import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CreateFile, type Diagnostic, type TextDocumentEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, LintInput, LintSettings } from '../engine/engine';
import { findSkill, findTopic } from '../engine/skills';
import { diagnosticData, isOurDiagnostic } from './diagnostics';

export const EXPLAIN_COMMAND = 'infracoach.explainSkill';

export interface ExplainArguments {
  skill: string;
  ruleId?: string;
}

/** A fix for each of our diagnostics that has a safe repair, and a "Learn" action for every one of them. */
export function codeActionsFor(
  engine: Engine, input: LintInput, document: TextDocument, diagnostics: Diagnostic[], settings: LintSettings,
  onFixError: (ruleId: string, error: unknown) => void = () => undefined,
): CodeAction[] {
  const locale = settings.locale ?? 'en';
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (!isOurDiagnostic(diagnostic)) continue;
    const data = diagnosticData(diagnostic);
    let fix: ReturnType<Engine['fix']>;
    try {
      fix = engine.fix(input, { ruleId: diagnostic.code, range: diagnostic.range, data: data?.fix }, settings);
    } catch (error) {
      // A failing fix costs only its own action; the Learn action and the other diagnostics' actions remain.
      onFixError(diagnostic.code, error);
    }
    if (fix) {
      actions.push({
        title: fix.title,
        kind: fix.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
        isPreferred: fix.isPreferred,
        diagnostics: [diagnostic],
        edit: { documentChanges: documentChanges(document, fix) },
      });
    }
    const skill = data?.skill ?? engine.rule(diagnostic.code)?.skill;
    if (skill) {
      const topicTitle = findTopic(skill)?.title[locale] ?? findSkill(skill)?.title[locale] ?? skill;
      const title = locale === 'ja' ? `学ぶ: ${topicTitle}` : `Learn: ${topicTitle}`;
      const args: ExplainArguments = { skill, ruleId: diagnostic.code };
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: EXPLAIN_COMMAND, arguments: [args] } });
    }
  }
  return actions;
}

/**
 * The fix as workspace changes: new files first (never overwriting one the user already has), then the
 * edits to this document, versioned so the editor refuses them if the document changed since we computed them.
 */
function documentChanges(document: TextDocument, fix: NonNullable<ReturnType<Engine['fix']>>): (TextDocumentEdit | CreateFile)[] {
  const changes: (TextDocumentEdit | CreateFile)[] = [];
  for (const created of fix.createFiles ?? []) {
    const uri = pathToFileURL(created.path).toString();
    changes.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    changes.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: created.text }] });
  }
  if (fix.edits.length > 0) changes.push({ textDocument: { uri: document.uri, version: document.version }, edits: fix.edits });
  return changes;
}
