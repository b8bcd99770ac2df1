import { parseAllDocuments } from 'yaml';
import { allRules } from '../../rules';
import { detectLanguage } from '../../server/src/engine/detect';
import { Engine, type LintSettings } from '../../server/src/engine/engine';
import { parseHcl } from '../../server/src/engine/terraform/tree-sitter';
import { applyEdits } from '../../server/src/engine/text';
import type { Finding, WorkspaceView } from '../../server/src/engine/types';

let shared: Promise<Engine> | undefined;

/** One engine for the whole test process: loading the wasm parser once keeps the suite fast. */
export function testEngine(): Promise<Engine> {
  shared ??= Engine.create({ rules: allRules });
  return shared;
}

export async function lint(path: string, text: string, settings?: LintSettings, workspace?: WorkspaceView): Promise<Finding[]> {
  const engine = await testEngine();
  const result = engine.lint({ path, text, workspace }, settings);
  if (result.ruleErrors.length > 0) throw result.ruleErrors[0].error;
  return result.findings;
}

/** Applies the fix the rule offers for a finding; undefined when it offers none. */
export async function fixed(path: string, text: string, finding: Finding, settings?: LintSettings, workspace?: WorkspaceView): Promise<string | undefined> {
  const engine = await testEngine();
  const fix = engine.fix({ path, text, workspace }, finding, settings);
  return fix ? applyEdits(text, fix.edits) : undefined;
}

/** Syntax errors in a file, as its language's parser reports them; empty when it parses. */
export async function syntaxErrors(path: string, text: string): Promise<string[]> {
  await testEngine();
  switch (detectLanguage(path)) {
    case 'kubernetes':
      return parseAllDocuments(text).flatMap((document) => ('errors' in document ? document.errors.map((error) => error.message) : []));
    case 'terraform': {
      const tree = parseHcl(text);
      const broken = !tree || tree.rootNode.hasError;
      tree?.delete();
      return broken ? ['tree-sitter reports a syntax error'] : [];
    }
    default:
      return [];
  }
}

/** `line:character-line:character`, 0-based as LSP: compact and readable in assertions. */
export function rangeText(finding: Pick<Finding, 'range'>): string {
  const { start, end } = finding.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** An in-memory workspace for rules that read neighbouring files. */
export function memoryWorkspace(files: Record<string, string>): WorkspaceView {
  return {
    listFolder: (folder) => Object.keys(files).filter((path) => path.slice(0, path.lastIndexOf('/')) === folder),
    readFile: (path) => files[path],
  };
}
