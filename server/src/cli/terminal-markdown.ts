/**
 * Markdown as readable terminal text for `infracoach explain`: headings underlined, paragraphs and list items
 * wrapped to the terminal (Japanese wraps between characters), code blocks indented and never wrapped, tables
 * aligned by display width. Bold and code get ANSI styles only when `colour` is set.
 */

export interface TerminalOptions {
  width: number;
  colour: boolean;
  /** What to print after a link's text, e.g. `infracoach explain 4.4.1`; undefined prints the text alone. */
  linkTarget(href: string): string | undefined;
}

const STYLE = { bold: '\x1b[1m', dim: '\x1b[2m', code: '\x1b[36m', reset: '\x1b[0m' };
const ANSI = /\x1b\[[0-9;]*m/g;
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a string takes in a terminal: wide (CJK) characters count two, ANSI styles none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, '')) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** Greedy wrap; spaces are break points, and so is every gap next to a wide character. */
export function wrap(text: string, width: number, indent = '', hanging = indent): string[] {
  const tokens = text.match(/\x1b\[[0-9;]*m|\s+|[\u1100-\u115f\u2e80-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\x1b\u1100-\u115f\u2e80-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+/g) ?? [];
  const lines: string[] = [];
  let line = indent;
  let used = displayWidth(indent);
  let pendingSpace = false;
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      pendingSpace = used > displayWidth(lines.length === 0 ? indent : hanging);
      continue;
    }
    const size = displayWidth(token);
    const space = pendingSpace ? 1 : 0;
    // Japanese closing punctuation never starts a line (kinsoku), even if the line runs one character long.
    const mayBreak = !/^[、。，．）」』】〕！？：；ー・]/.test(token);
    if (size > 0 && mayBreak && used + space + size > width && used > displayWidth(lines.length === 0 ? indent : hanging)) {
      lines.push(line);
      line = hanging;
      used = displayWidth(hanging);
    } else if (pendingSpace) {
      line += ' ';
      used += 1;
    }
    pendingSpace = false;
    line += token;
    used += size;
  }
  lines.push(line);
  return lines.map((text) => text.trimEnd());
}

function inline(text: string, options: TerminalOptions): string {
  const style = (code: string, body: string) => (options.colour ? `${code}${body}${STYLE.reset}` : body);
  // Code spans are set aside first, so `*` or `[x](y)` inside them stays literal.
  const codes: string[] = [];
  const hold = (rendered: string) => `\u0000${codes.push(rendered) - 1}\u0000`;
  return text
    .replace(/(`+)(.+?)\1/g, (_, ticks: string, code: string) => hold(style(STYLE.code, options.colour ? code.trim() : `${ticks}${code}${ticks}`)))
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<a\s+id="[^"]*"\s*>\s*<\/a>/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_, label: string, href: string) => {
      const target = options.linkTarget(href);
      return target ? `${label} (${target})` : label;
    })
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a: string | undefined, b: string | undefined) => style(STYLE.bold, a ?? b ?? ''))
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\u0000(\d+)\u0000/g, (_, index: string) => codes[Number(index)]);
}

function splitRow(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;

export function markdownToText(markdown: string, options: TerminalOptions): string {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const out: string[] = [];
  const style = (code: string, body: string) => (options.colour ? `${code}${body}${STYLE.reset}` : body);
  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || /^\s*<a\s+id="[^"]*"\s*>\s*<\/a>\s*$/.test(line)) continue;
    const fence = FENCE.exec(line);
    if (fence) {
      blank();
      if (fence[3].trim()) out.push(style(STYLE.dim, `    [${fence[3].trim()}]`));
      for (i++; i < lines.length; i++) {
        const close = /^\s*(`{3,}|~{3,})\s*$/.exec(lines[i]);
        if (close && close[1][0] === fence[2][0] && close[1].length >= fence[2].length) break;
        out.push(`    ${lines[i].slice(Math.min(fence[1].length, /^\s*/.exec(lines[i])![0].length))}`.trimEnd());
      }
      out.push('');
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      blank();
      const text = inline(heading[2], { ...options, colour: false });
      out.push(style(STYLE.bold, text));
      if (heading[1].length <= 2) out.push((heading[1].length === 1 ? '=' : '-').repeat(Math.min(displayWidth(text), options.width)));
      out.push('');
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      blank();
      out.push('─'.repeat(Math.min(40, options.width)), '');
      continue;
    }
    if (line.includes('|') && /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(lines[i + 1] ?? '')) {
      const rows = [splitRow(line)];
      for (i += 2; i < lines.length && lines[i].includes('|') && lines[i].trim() !== ''; i++) rows.push(splitRow(lines[i]));
      i--;
      const cells = rows.map((row) => row.map((cell) => inline(cell, options)));
      const widths = cells[0].map((_, column) => Math.max(...cells.map((row) => displayWidth(row[column] ?? ''))));
      const format = (row: string[]) => '  ' + widths.map((size, column) => (row[column] ?? '') + ' '.repeat(size - displayWidth(row[column] ?? ''))).join('  ').trimEnd();
      blank();
      out.push(format(cells[0]), '  ' + widths.map((size) => '─'.repeat(size)).join('  '), ...cells.slice(1).map(format), '');
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const depth = Math.floor(item[1].length / 2);
      const bullet = /\d/.test(item[2]) ? item[2] : '•';
      const text = [item[3]];
      while (i + 1 < lines.length && lines[i + 1].trim() !== '' && !LIST_ITEM.test(lines[i + 1]) && !FENCE.test(lines[i + 1]) && !/^#/.test(lines[i + 1])) text.push(lines[++i].trim());
      const indent = '  '.repeat(depth + 1);
      out.push(...wrap(inline(text.join(' '), options), options.width, `${indent}${bullet} `, `${indent}${' '.repeat(displayWidth(bullet) + 1)}`));
      if (i + 1 < lines.length && lines[i + 1].trim() === '' && !LIST_ITEM.test(lines[i + 2] ?? '')) out.push('');
      continue;
    }
    const quote = /^\s*>\s?(.*)$/.exec(line);
    const paragraph = [quote ? quote[1] : line.trim()];
    while (i + 1 < lines.length && lines[i + 1].trim() !== '' && !LIST_ITEM.test(lines[i + 1]) && !FENCE.test(lines[i + 1]) && !/^#{1,6}\s/.test(lines[i + 1])) {
      const next = lines[++i];
      paragraph.push(quote ? next.replace(/^\s*>\s?/, '') : next.trim());
    }
    out.push(...wrap(inline(paragraph.join(' '), options), options.width, quote ? '  │ ' : '', quote ? '  │ ' : ''), '');
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
