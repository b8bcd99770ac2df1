import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { AnyRule } from '../rule';
import { LineIndex } from '../text';
import type { Range } from '../types';
import { emptyLayer, type ConfigLayer, type ConfigPath, type PositionedConfigProblem } from './model';
import { validateConfig } from './validate';

/** Bounds alias expansion so a hostile config file cannot hang the server. */
const MAX_ALIAS_COUNT = 100;

/**
 * Reads `.infracoach.yaml`. Problems come back with the range of the offending key or value so the editor can
 * show them on the file; a YAML syntax error yields one problem and an empty layer (defaults everywhere).
 */
export function parseConfigText(text: string, rules: readonly AnyRule[]): { layer: ConfigLayer; problems: PositionedConfigProblem[] } {
  const lines = new LineIndex(text);
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const [start, end] = syntaxError.pos;
    return {
      layer: emptyLayer(),
      problems: [{ path: [], at: 'value', range: lines.rangeOf(start, Math.max(start, end)), message: {
        en: `The configuration is not valid YAML (${firstLine(syntaxError.message)}); Infra Coach uses its defaults until it is fixed.`,
        ja: `設定が正しい YAML ではありません（${firstLine(syntaxError.message)}）。直るまで既定の設定を使います。`,
      } }],
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      layer: emptyLayer(),
      problems: [{ path: [], at: 'value', range: lines.rangeOf(0, 0), message: {
        en: `The configuration could not be read (${firstLine((error as Error).message)}); Infra Coach uses its defaults.`,
        ja: `設定を読み込めませんでした（${firstLine((error as Error).message)}）。既定の設定を使います。`,
      } }],
    };
  }
  const { layer, problems } = validateConfig(value, rules);
  return { layer, problems: problems.map((problem) => ({ ...problem, range: rangeOfPath(document, lines, problem.path, problem.at) })) };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '').trim();
}

/** The range of the key or value at a path; the nearest existing ancestor when the path runs out. */
export function rangeOfPath(document: Document, lines: LineIndex, path: ConfigPath, at: 'key' | 'value'): Range {
  let node: unknown = document.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      break;
    }
  }
  const value = node as Node | null | undefined;
  // A whole mapping or list would underline many lines; its key says the same in one place.
  const preferKey = at === 'key' || !value || isMap(value) || isSeq(value);
  const target = (preferKey && keyNode) || value || keyNode;
  const range = target?.range;
  if (!range) return lines.rangeOf(0, 0);
  return lines.rangeOf(range[0], range[1]);
}
