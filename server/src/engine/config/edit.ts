import { isMap, isScalar, parseDocument } from 'yaml';
import { editorFor } from '../kubernetes/yaml-edit';
import { LineIndex } from '../text';
import type { TextEdit } from '../types';

/** Text of a new `.infracoach.yaml` that turns one rule off. */
export function newConfigText(ruleId: string): string {
  return ['# Infra Coach configuration: rules, exclude patterns and suppression policy.', 'rules:', `  ${ruleId}: off`, ''].join('\n');
}

/**
 * Edits that turn a rule off in an existing configuration, in the file's own style: an existing
 * `{ severity, options }` keeps its options. Undefined when the file is not a YAML mapping we can edit safely.
 */
export function turnOffRuleEdits(text: string, ruleId: string): TextEdit[] | undefined {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) return undefined;
  const lines = new LineIndex(text);
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    const end = text.length;
    const separator = text.length === 0 || text.endsWith('\n') ? '' : lines.eol;
    const block = newConfigText(ruleId).split('\n').slice(1).join(lines.eol);
    return [{ range: lines.rangeOf(end, end), newText: separator + block }];
  }
  if (!isMap(root)) return undefined;
  const editor = editorFor(text, lines, document);
  const rulesPair = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'rules');
  const existing = isMap(rulesPair?.value) ? rulesPair.value.items.find((pair) => isScalar(pair.key) && pair.key.value === ruleId) : undefined;
  const path = isMap(existing?.value) ? ['rules', ruleId, 'severity'] : ['rules', ruleId];
  return [editor.setIn(root, path, 'off')];
}
