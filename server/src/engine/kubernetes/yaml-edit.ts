import { isMap, isScalar, stringify, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LineIndex } from '../text';
import type { TextEdit } from '../types';

/** Builds text edits that change a parsed YAML document in place, in its own style (block or flow, its indentation and line breaks). */
export class YamlEditor {
  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly document: Document) {}

  /**
   * Sets `path` under `map` to `value`, creating the missing mappings. Existing sibling keys are kept,
   * so a partial `resources:` block is completed rather than replaced.
   */
  setIn(map: YAMLMap, path: readonly string[], value: unknown): TextEdit {
    let current = map;
    for (let depth = 0; depth < path.length; depth++) {
      const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === path[depth]);
      const rest = path.slice(depth + 1);
      if (!pair) return this.addKey(current, path[depth], nest(rest, value));
      const child = pair.value as Node | null;
      if (rest.length > 0 && isMap(child) && child.items.length > 0 && !child.flow) {
        current = child;
        continue;
      }
      if (rest.length > 0 && isMap(child) && child.flow && child.items.length > 0) {
        current = child;
        continue;
      }
      return this.replaceValue(current, pair, nest(rest, value));
    }
    throw new Error('empty path');
  }

  /** Adds `key: value` as the last entry of a mapping. */
  addKey(map: YAMLMap, key: string, value: unknown): TextEdit {
    const entry = { [key]: value };
    if (map.flow || map.items.length === 0) {
      const closing = (map.range?.[1] ?? 0) - 1;
      const open = map.range?.[0] ?? 0;
      const inner = flowEntries(entry);
      if (this.text[closing] === '}' && this.text[open] === '{') {
        const separator = map.items.length > 0 ? ', ' : ' ';
        const before = this.text.slice(open + 1, closing).trimEnd();
        const start = open + 1 + before.length;
        return { range: this.lines.rangeOf(start, closing), newText: `${separator}${inner} ` };
      }
    }
    const indent = this.keyIndent(map);
    const anchorLine = this.lines.positionAt(this.contentEnd(map)).line;
    const insertAt = this.lines.lineEnd(anchorLine);
    const eol = this.lines.eol;
    const block = blockLines(entry).map((line) => eol + ' '.repeat(indent) + line).join('');
    return { range: this.lines.rangeOf(insertAt, insertAt), newText: block };
  }

  private replaceValue(parent: YAMLMap, pair: Pair, value: unknown): TextEdit {
    const key = pair.key as Node;
    const child = pair.value as Node | null;
    const keyEnd = key.range?.[1] ?? 0;
    const colon = this.text.indexOf(':', keyEnd);
    const valueEnd = child?.range && child.range[1] > colon ? child.range[1] : colon + 1;
    const scalarLike = value === null || typeof value !== 'object';
    if (scalarLike || parent.flow) {
      const rendered = scalarLike ? stringify(value).trimEnd() : `{ ${flowEntries(value as Record<string, unknown>)} }`;
      return { range: this.lines.rangeOf(colon + 1, valueEnd), newText: ` ${rendered}` };
    }
    const indent = this.lines.positionAt(key.range?.[0] ?? 0).character + 2;
    const eol = this.lines.eol;
    const block = blockLines(value as Record<string, unknown>).map((line) => eol + ' '.repeat(indent) + line).join('');
    return { range: this.lines.rangeOf(colon + 1, valueEnd), newText: block };
  }

  private keyIndent(map: YAMLMap): number {
    const first = map.items[0]?.key as Node | undefined;
    return first?.range ? this.lines.positionAt(first.range[0]).character : 0;
  }

  /** Offset of the mapping's last non-blank character: trailing line breaks belong to whatever follows. */
  private contentEnd(map: YAMLMap): number {
    let end = map.range?.[1] ?? 0;
    while (end > 0 && /\s/.test(this.text[end - 1])) end--;
    return Math.max(end - 1, map.range?.[0] ?? 0);
  }
}

function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

function blockLines(value: Record<string, unknown>): string[] {
  return stringify(value, { indent: 2 }).trimEnd().split('\n');
}

function flowEntries(value: Record<string, unknown>): string {
  return stringify(value, { collectionStyle: 'flow' }).trim().replace(/^\{\s*/, '').replace(/\s*\}$/, '');
}

export function editorFor(text: string, lines: LineIndex, document: Document): YamlEditor {
  return new YamlEditor(text, lines, document);
}
