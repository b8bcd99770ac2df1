import { isAlias, isMap, isScalar, stringify, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LineIndex } from '../text';
import type { TextEdit } from '../types';
import { mapGet, plainValue, resolveNode } from './yaml-ast';

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
    return this.addEntries(map, { [key]: value });
  }

  /** Adds several entries after a mapping's last one, as one edit. */
  addEntries(map: YAMLMap, entry: Record<string, unknown>): TextEdit {
    if (map.flow || map.items.length === 0) {
      const closing = (map.range?.[1] ?? 0) - 1;
      const open = map.range?.[0] ?? 0;
      const inner = flowEntries(entry);
      if (this.text[closing] === '}' && this.text[open] === '{') {
        const inside = this.text.slice(open + 1, closing);
        const before = inside.trimEnd();
        const start = open + 1 + before.length;
        // Insert right after the last entry and keep the user's spacing before `}`; a trailing comma is reused.
        const separator = before.length === 0 ? ' ' : before.endsWith(',') ? ' ' : ', ';
        const closingPad = inside.length === 0 ? ' ' : '';
        return { range: this.lines.rangeOf(start, start), newText: `${separator}${inner}${closingPad}` };
      }
    }
    const indent = this.keyIndent(map);
    const anchorLine = this.lines.positionAt(this.contentEnd(map)).line;
    const insertAt = this.lines.lineEnd(anchorLine);
    const eol = this.lines.eol;
    const block = blockLines(entry).map((line) => eol + ' '.repeat(indent) + line).join('');
    return { range: this.lines.rangeOf(insertAt, insertAt), newText: block };
  }

  /**
   * Makes `path` under `map` hold `value`, where plain-object values are merged into what is already there.
   * Unlike `setIn` it follows what Kubernetes sees: a key inherited through `<<: *anchor` or whose value is
   * an `*alias` is copied into this mapping with the change applied, so the anchor (and every other user of
   * it) stays as it was. May return several edits when it fills several existing keys of one mapping.
   */
  setResolved(map: YAMLMap, path: readonly string[], value: unknown): TextEdit[] {
    if (path.length === 0) return this.mergeEntries(map, value);
    const [key, ...rest] = path;
    const own = ownPair(map, key);
    if (!own) {
      const inherited = mapGet(this.document, map, key);
      const base = inherited ? plainValue(this.document, inherited.value) : undefined;
      return [this.addEntries(map, { [key]: deepMerge(base, nest(rest, value)) })];
    }
    const child = own.value;
    if (isAlias(child)) {
      return [this.replaceValue(map, own, deepMerge(plainValue(this.document, resolveNode(this.document, child)), nest(rest, value)))];
    }
    // Descend into a mapping that has entries, or into an empty flow `{}` so the edit stays in flow style.
    if (isMap(child) && (child.items.length > 0 || child.flow) && (rest.length > 0 || isPlainObject(value))) return this.setResolved(child, rest, value);
    return [this.replaceValue(map, own, nest(rest, value))];
  }

  /** Replaces a whole `key: value` entry with `newKey: newValue` in place (e.g. `value:` by `valueFrom:`). */
  replaceEntry(map: YAMLMap, key: string, newKey: string, newValue: unknown): TextEdit | undefined {
    const pair = ownPair(map, key);
    const keyNode = pair?.key as Node | undefined;
    if (!pair || !keyNode?.range) return undefined;
    const start = keyNode.range[0];
    const valueNode = pair.value as Node | null;
    const colon = this.text.indexOf(':', keyNode.range[1]);
    const end = this.valueEnd(valueNode, colon);
    const keyText = stringify(newKey).trimEnd();
    const scalarLike = newValue === null || typeof newValue !== 'object';
    if (scalarLike || map.flow) {
      const rendered = scalarLike ? stringify(newValue, { lineWidth: 0 }).trimEnd() : flowValue(newValue);
      return { range: this.lines.rangeOf(start, end), newText: `${keyText}: ${rendered}` };
    }
    const indent = this.lines.positionAt(start).character + 2;
    const eol = this.lines.eol;
    const block = blockLines(newValue as Record<string, unknown>).map((line) => eol + ' '.repeat(indent) + line).join('');
    return { range: this.lines.rangeOf(start, end), newText: `${keyText}:${block}` };
  }

  private mergeEntries(map: YAMLMap, value: unknown): TextEdit[] {
    if (!isPlainObject(value)) throw new Error('only mappings can be merged into a mapping');
    const edits: TextEdit[] = [];
    const added: Record<string, unknown> = {};
    for (const [key, entryValue] of Object.entries(value)) {
      if (ownPair(map, key)) {
        edits.push(...this.setResolved(map, [key], entryValue));
        continue;
      }
      const inherited = mapGet(this.document, map, key);
      added[key] = inherited ? deepMerge(plainValue(this.document, inherited.value), entryValue) : entryValue;
    }
    if (Object.keys(added).length === 0) return edits;
    const append = this.addEntries(map, added);
    // An edit ending where the append starts (`cpu:` with no value on the last line) would make the order of
    // the two insertions ambiguous; fold the append into it.
    const touching = edits.find((edit) => this.lines.offsetAt(edit.range.end) === this.lines.offsetAt(append.range.start));
    if (touching) touching.newText += append.newText;
    else edits.push(append);
    return edits;
  }

  private replaceValue(parent: YAMLMap, pair: Pair, value: unknown): TextEdit {
    const key = pair.key as Node;
    const child = pair.value as Node | null;
    const keyEnd = key.range?.[1] ?? 0;
    const colon = this.text.indexOf(':', keyEnd);
    const valueEnd = this.valueEnd(child, colon);
    const scalarLike = value === null || typeof value !== 'object';
    if (scalarLike || parent.flow) {
      const rendered = scalarLike ? stringify(value, { lineWidth: 0 }).trimEnd() : flowValue(value);
      return { range: this.lines.rangeOf(colon + 1, valueEnd), newText: ` ${rendered}` };
    }
    const indent = this.lines.positionAt(key.range?.[0] ?? 0).character + 2;
    const eol = this.lines.eol;
    const block = blockLines(value as Record<string, unknown>).map((line) => eol + ' '.repeat(indent) + line).join('');
    return { range: this.lines.rangeOf(colon + 1, valueEnd), newText: block };
  }

  /** Where a value's text ends: a block collection's range runs past its last line break, which belongs to what follows. */
  private valueEnd(value: Node | null, colon: number): number {
    let end = value?.range && value.range[1] > colon ? value.range[1] : colon + 1;
    while (end > colon + 1 && /\s/.test(this.text[end - 1])) end--;
    return end;
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

function blockLines(value: Record<string, unknown> | unknown[]): string[] {
  return stringify(value, { indent: 2, lineWidth: 0 }).trimEnd().split('\n');
}

function flowEntries(value: Record<string, unknown>): string {
  return flowValue(value).replace(/^\{\s*/, '').replace(/\s*\}$/, '');
}

/** A collection on one line; long lines are not folded, since a folded flow collection could break the parent's indentation. */
function flowValue(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

function ownPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `patch` over `base`: mappings merge key by key, anything else is replaced. */
function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) merged[key] = deepMerge(base[key], value);
  return merged;
}

export function editorFor(text: string, lines: LineIndex, document: Document): YamlEditor {
  return new YamlEditor(text, lines, document);
}
