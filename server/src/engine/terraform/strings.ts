import type { Node as SyntaxNode } from 'web-tree-sitter';

/**
 * A string value as Terraform sees it, with the source offset of each of its characters, so that a
 * position inside the value (a JSON key in a heredoc policy, say) can be mapped back to the `.tf` file.
 */
export interface SourceString {
  text: string;
  /** `offsets[i]` is the file offset of `text[i]`; `offsets[text.length]` is the offset just past the value. */
  offsets: number[];
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Decodes the literal part of a quoted string as HCL does: backslash escapes (`\n`, `\"`, `\uNNNN`, …) and
 * the template escapes `$${` and `%%{`. `start` is the file offset of `raw[0]`.
 */
export function decodeQuoted(raw: string, start: number): SourceString {
  const out: string[] = [];
  const offsets: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i];
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1];
      const unicode = next === 'u' ? /^[0-9a-fA-F]{4}/.exec(raw.slice(i + 2)) : next === 'U' ? /^[0-9a-fA-F]{8}/.exec(raw.slice(i + 2)) : null;
      // `\UFFFFFFFF` is past the last code point: fromCodePoint would throw, so it stays literal text.
      if (unicode && parseInt(unicode[0], 16) <= 0x10ffff) {
        const decoded = String.fromCodePoint(parseInt(unicode[0], 16));
        for (const unit of decoded.split('')) {
          out.push(unit);
          offsets.push(start + i);
        }
        i += 2 + unicode[0].length;
        continue;
      }
      if (Object.hasOwn(SIMPLE_ESCAPES, next)) {
        out.push(SIMPLE_ESCAPES[next]);
        offsets.push(start + i);
        i += 2;
        continue;
      }
    }
    i = pushTemplateCharacter(raw, i, start, out, offsets);
  }
  offsets.push(start + raw.length);
  return { text: out.join(''), offsets };
}

/** Only the template escapes apply inside heredocs; backslashes are taken literally. */
function decodeHeredocLine(raw: string, start: number, out: string[], offsets: number[]): void {
  let i = 0;
  while (i < raw.length) i = pushTemplateCharacter(raw, i, start, out, offsets);
}

/**
 * Decodes one character of template text at `i` and returns where the next one starts: `$${` and `%%{` are
 * the template escapes for a literal `${` and `%{`, everything else stands for itself.
 */
function pushTemplateCharacter(raw: string, i: number, start: number, out: string[], offsets: number[]): number {
  const ch = raw[i];
  out.push(ch);
  offsets.push(start + i);
  return (ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{' ? i + 2 : i + 1;
}

/**
 * The value of a heredoc without interpolations: the lines between the opening and closing markers, each
 * ending in a newline; `<<-` strips the smallest indentation of the non-blank lines.
 */
export function heredocValue(heredoc: SyntaxNode, fileText: string): SourceString | undefined {
  if (heredoc.namedChildren.some((child) => child?.type === 'template_interpolation' || child?.type === 'template_directive')) return undefined;
  const markers = heredoc.namedChildren.filter((child): child is SyntaxNode => child?.type === 'heredoc_identifier');
  const start = heredoc.namedChildren.find((child) => child?.type === 'heredoc_start');
  if (markers.length < 2 || !start) return undefined;
  const firstNewline = fileText.indexOf('\n', markers[0].endIndex);
  if (firstNewline < 0) return undefined;
  const contentStart = firstNewline + 1;
  const closing = markers[markers.length - 1];
  const contentEnd = fileText.lastIndexOf('\n', closing.startIndex - 1) + 1;
  if (contentEnd < contentStart) return undefined;
  const lines: { text: string; start: number }[] = [];
  let lineStart = contentStart;
  while (lineStart < contentEnd) {
    const newline = fileText.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline >= contentEnd ? contentEnd : newline;
    let text = fileText.slice(lineStart, lineEnd);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    lines.push({ text, start: lineStart });
    lineStart = lineEnd + 1;
  }
  let strip = 0;
  if (start.text === '<<-') {
    const indents = lines.filter((line) => line.text.trim() !== '').map((line) => /^[ \t]*/.exec(line.text)![0].length);
    strip = indents.length > 0 ? Math.min(...indents) : 0;
  }
  const out: string[] = [];
  const offsets: number[] = [];
  for (const line of lines) {
    const cut = Math.min(strip, line.text.length);
    decodeHeredocLine(line.text.slice(cut), line.start + cut, out, offsets);
    out.push('\n');
    offsets.push(line.start + line.text.length);
  }
  offsets.push(closing.startIndex);
  return { text: out.join(''), offsets };
}

/**
 * The value of a string expression that holds no interpolation (`"…"`, `<<EOT … EOT`), with offsets;
 * undefined for anything Terraform would only know at plan time.
 */
export function literalStringValue(node: SyntaxNode, fileText: string): SourceString | undefined {
  switch (node.type) {
    case 'expression':
    case 'literal_value':
    case 'template_expr':
      return node.namedChildCount === 1 && node.namedChildren[0] ? literalStringValue(node.namedChildren[0], fileText) : undefined;
    case 'string_lit':
    case 'quoted_template': {
      if (node.namedChildren.some((child) => child?.type === 'template_interpolation' || child?.type === 'template_directive')) return undefined;
      const opening = node.namedChildren.find((child) => child?.type === 'quoted_template_start');
      const closing = node.namedChildren.find((child) => child?.type === 'quoted_template_end');
      if (!opening || !closing) return undefined;
      return decodeQuoted(fileText.slice(opening.endIndex, closing.startIndex), opening.endIndex);
    }
    case 'heredoc_template':
      return heredocValue(node, fileText);
    default:
      return undefined;
  }
}
