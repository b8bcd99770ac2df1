/**
 * A small JSON reader that keeps where each value starts and ends, for IAM policies written as JSON strings
 * inside `.tf` files. `JSON.parse` loses positions, and a finding must point at the line of the wildcard.
 */

export type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: { key: string; keyStart: number; value: JsonNode }[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'other'; start: number; end: number };

class JsonSyntaxError extends Error {}

/** Parses a JSON text; undefined when it is not valid JSON (then it is not a policy we can read). Offsets index `text`. */
export function parseJsonWithPositions(text: string): JsonNode | undefined {
  let index = 0;
  const fail = (): never => {
    throw new JsonSyntaxError(`invalid JSON at ${index}`);
  };
  const skipSpace = () => {
    while (index < text.length && /[ \t\r\n]/.test(text[index])) index++;
  };
  const readString = (): string => {
    if (text[index] !== '"') fail();
    const start = index;
    index++;
    while (index < text.length && text[index] !== '"') {
      if (text[index] === '\\') index++;
      if (text[index] === '\n') fail();
      index++;
    }
    if (text[index] !== '"') fail();
    index++;
    try {
      return JSON.parse(text.slice(start, index)) as string;
    } catch {
      return fail();
    }
  };
  const readValue = (depth: number): JsonNode => {
    if (depth > 64) fail();
    skipSpace();
    const start = index;
    const ch = text[index];
    if (ch === '{') {
      index++;
      const entries: { key: string; keyStart: number; value: JsonNode }[] = [];
      skipSpace();
      if (text[index] === '}') {
        index++;
        return { kind: 'object', start, end: index, entries };
      }
      for (;;) {
        skipSpace();
        const keyStart = index;
        const key = readString();
        skipSpace();
        if (text[index] !== ':') fail();
        index++;
        entries.push({ key, keyStart, value: readValue(depth + 1) });
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === '}') {
          index++;
          return { kind: 'object', start, end: index, entries };
        }
        fail();
      }
    }
    if (ch === '[') {
      index++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[index] === ']') {
        index++;
        return { kind: 'array', start, end: index, items };
      }
      for (;;) {
        items.push(readValue(depth + 1));
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === ']') {
          index++;
          return { kind: 'array', start, end: index, items };
        }
        fail();
      }
    }
    if (ch === '"') {
      const value = readString();
      return { kind: 'string', start, end: index, value };
    }
    const scalar = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(index, index + 64));
    if (!scalar) fail();
    index += scalar![0].length;
    return { kind: 'other', start, end: index };
  };
  try {
    const root = readValue(0);
    skipSpace();
    return index === text.length ? root : undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return undefined;
    throw error;
  }
}

export function jsonGet(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.kind === 'object' ? node.entries.find((entry) => entry.key === key)?.value : undefined;
}
