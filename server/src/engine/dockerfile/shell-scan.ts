/** Character-level scanning for the shell splitter (shell.ts): what ends a plain run of characters, where a `(` or a backquote closes. */

/** Lookup tables by character code (ASCII only): the splitter asks for every character of every RUN. */
function asciiTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const character of characters) table[character.charCodeAt(0)] = 1;
  return table;
}
const BLANK_CODES = asciiTable(' \t\r\f\v');
/** Characters the splitter's main loop may treat specially; a run of any others is part of the current word. */
const SPECIAL_CODES = asciiTable('\'"\\$<>`#()|&; \t\r\f\v\n');

export function isBlankAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 128 && BLANK_CODES[code] === 1;
}

/** Inside double quotes only these end a plain run. */
const QUOTED_SPECIAL_CODES = asciiTable('"\\$`');

export function isQuotedSpecialAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 128 && QUOTED_SPECIAL_CODES[code] === 1;
}

export function isSpecialAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 128 && SPECIAL_CODES[code] === 1;
}

/** Offset just past the parenthesis that closes the one opened before `from`, honouring quotes; text length when unclosed. */
export function closingParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return text.length;
      i = close;
    } else if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

export function closingBackquote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '`') return i + 1;
  }
  return text.length;
}
