/** Reads VS Code snippet bodies the way a user who accepts every default would get them. */

/**
 * Expands a VS Code snippet body the way accepting every default would: `${1:default}` and `$1`/`${1}` give the
 * tab stop's default (from whichever occurrence carries one), `${1|a,b|}` gives the first choice, `$0` nothing,
 * and `\$`, `\}`, `\\` are literal. Variables (`$TM_FILENAME`, `${PATH}`) are rejected: in our snippets they
 * are always a forgotten escape, and VS Code would insert the variable's name instead of a dollar.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  const parse = (text: string, start: number, stopAt: string | undefined): { value: string; end: number } => {
    let value = '';
    let index = start;
    while (index < text.length) {
      const char = text[index];
      if (char === '\\' && index + 1 < text.length && '$}\\,|'.includes(text[index + 1])) {
        value += text[index + 1];
        index += 2;
      } else if (stopAt !== undefined && char === stopAt) {
        return { value, end: index };
      } else if (char === '$') {
        const placeholder = parsePlaceholder(text, index);
        value += placeholder.value;
        index = placeholder.end;
      } else {
        value += char;
        index += 1;
      }
    }
    if (stopAt !== undefined) throw new Error(`unterminated placeholder, expected "${stopAt}"`);
    return { value, end: index };
  };
  const parsePlaceholder = (text: string, start: number): { value: string; end: number } => {
    const simple = /^\$(\d+)/.exec(text.slice(start));
    if (simple) return { value: tabStop(simple[1]), end: start + simple[0].length };
    const head = /^\$\{(\d+)([:|}])/.exec(text.slice(start));
    if (!head) throw new Error(`unescaped "$" or a variable at "${text.slice(start, start + 20)}": write \\$ for a literal dollar`);
    const [whole, number, kind] = head;
    const after = start + whole.length;
    if (kind === '}') return { value: tabStop(number), end: after };
    if (kind === ':') {
      const inner = parse(text, after, '}');
      if (!defaults.has(number)) defaults.set(number, inner.value);
      return { value: number === '0' ? '' : inner.value, end: inner.end + 1 };
    }
    const close = text.indexOf('|}', after);
    if (close < 0) throw new Error('unterminated choice');
    const first = text.slice(after, close).split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
    if (!defaults.has(number)) defaults.set(number, first);
    return { value: first, end: close + 2 };
  };
  const tabStop = (number: string) => (number === '0' ? '' : (defaults.get(number) ?? `\u0000${number}\u0000`));
  // Mirrors may come before the occurrence that carries the default: expand, then fill the markers left behind.
  const expanded = parse(body, 0, undefined).value;
  return expanded.replace(/\u0000(\d+)\u0000/g, (_whole, number: string) => defaults.get(number) ?? '');
}
