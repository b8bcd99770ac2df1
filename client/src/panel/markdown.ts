/**
 * A small Markdown renderer for the Infra Coach panel: ATX headings (with ids), paragraphs, nested lists,
 * block quotes, fenced code blocks, pipe tables, rules and explicit `<a id="…"></a>` anchors. Raw HTML is
 * never passed through: everything is escaped, so a page can only produce the tags this module writes.
 * No `vscode` import, so it is unit-tested under node.
 */
import { escapeHtml, renderInline, SAFE_ID, type LinkResolver } from './markdown-inline';

export { escapeHtml, type LinkResolver, type ResolvedLink } from './markdown-inline';

export interface RenderedMarkdown {
  html: string;
  /** Text of the first level-1 heading, for the panel title. */
  title: string | undefined;
  /** Every id a link or the panel can scroll to: explicit anchors and heading ids. */
  ids: string[];
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])( +|$)(.*)$/;
const ANCHOR_LINE = /^\s*<a\s+id="[^"<>]*"\s*>\s*<\/a>\s*$/;
const HTML_COMMENT_OPEN = /^ {0,3}<!--/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

class Renderer {
  title: string | undefined;

  /** @param used ids already taken (explicit anchors), so heading ids never duplicate them. */
  constructor(private readonly resolve: LinkResolver, private readonly used: Map<string, number>) {}

  blocks(lines: string[], tight = false): string {
    const out: string[] = [];
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (line.trim() === '') {
        i++;
        continue;
      }
      if (HTML_COMMENT_OPEN.test(line)) {
        // Comments (e.g. the markers around a page's generated rule list) are for authors, not readers.
        while (i < lines.length && !lines[i].includes('-->')) i++;
        i++;
        continue;
      }
      const fence = FENCE_OPEN.exec(line);
      if (fence && !(fence[2][0] === '`' && fence[3].includes('`'))) {
        i = this.fencedCode(lines, i, fence, out);
        continue;
      }
      if (ANCHOR_LINE.test(line)) {
        out.push(renderInline(line.trim(), this.resolve));
        i++;
        continue;
      }
      const heading = HEADING.exec(line);
      if (heading) {
        out.push(this.heading(heading[1].length, heading[2] ?? ''));
        i++;
        continue;
      }
      if (RULE.test(line)) {
        out.push('<hr>');
        i++;
        continue;
      }
      if (QUOTE.test(line)) {
        const quoted: string[] = [];
        for (; i < lines.length && QUOTE.test(lines[i]); i++) quoted.push(QUOTE.exec(lines[i])![1]);
        out.push(`<blockquote>\n${this.blocks(quoted)}</blockquote>`);
        continue;
      }
      if (line.includes('|') && i + 1 < lines.length && TABLE_DELIMITER.test(lines[i + 1]) && lines[i + 1].includes('-')) {
        i = this.table(lines, i, out);
        continue;
      }
      if (LIST_ITEM.test(line)) {
        i = this.list(lines, i, out);
        continue;
      }
      i = this.paragraph(lines, i, out, tight);
    }
    return out.map((block) => block + '\n').join('');
  }

  private heading(level: number, text: string): string {
    const plain = text.replace(/`/g, '').replace(/<a\s+id="[^"]*"\s*>\s*<\/a>/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
    if (level === 1 && this.title === undefined) this.title = plain.replace(/[*_~\\]/g, '');
    const id = this.uniqueId(slugify(plain));
    return `<h${level} id="${escapeHtml(id)}">${renderInline(text, this.resolve)}</h${level}>`;
  }

  private uniqueId(base: string): string {
    const seed = base || 'section';
    const count = this.used.get(seed) ?? 0;
    this.used.set(seed, count + 1);
    return count === 0 ? seed : `${seed}-${count}`;
  }

  private fencedCode(lines: string[], start: number, fence: RegExpExecArray, out: string[]): number {
    const [, indent, marker, info] = fence;
    const body: string[] = [];
    let i = start + 1;
    for (; i < lines.length; i++) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[i]);
      if (close && close[1][0] === marker[0] && close[1].length >= marker.length) {
        i++;
        break;
      }
      body.push(lines[i].startsWith(indent) ? lines[i].slice(indent.length) : lines[i].trimStart());
    }
    const language = /^[\w+#.-]+/.exec(info.trim())?.[0];
    const classAttribute = language ? ` class="language-${escapeHtml(language)}"` : '';
    const label = language ? `<div class="code-label">${escapeHtml(info.trim())}</div>` : '';
    out.push(`<div class="code-block">${label}<pre><code${classAttribute}>${escapeHtml(body.join('\n'))}</code></pre></div>`);
    return i;
  }

  private table(lines: string[], start: number, out: string[]): number {
    const header = splitRow(lines[start]);
    const alignments = splitRow(lines[start + 1]).map((cell) => {
      const left = cell.startsWith(':');
      const right = cell.endsWith(':');
      return left && right ? 'center' : right ? 'right' : left ? 'left' : undefined;
    });
    const cell = (tag: 'th' | 'td', text: string, column: number) => {
      const align = alignments[column];
      return `<${tag}${align ? ` class="align-${align}"` : ''}>${renderInline(text, this.resolve)}</${tag}>`;
    };
    const rows: string[] = [];
    let i = start + 2;
    for (; i < lines.length && lines[i].trim() !== '' && lines[i].includes('|'); i++) {
      const cells = splitRow(lines[i]);
      rows.push(`<tr>${header.map((_, column) => cell('td', cells[column] ?? '', column)).join('')}</tr>`);
    }
    const head = `<thead><tr>${header.map((text, column) => cell('th', text, column)).join('')}</tr></thead>`;
    out.push(`<table>${head}<tbody>${rows.join('')}</tbody></table>`);
    return i;
  }

  private list(lines: string[], start: number, out: string[]): number {
    const first = LIST_ITEM.exec(lines[start])!;
    const baseIndent = first[1].length;
    const ordered = /\d/.test(first[2]);
    const items: string[][] = [];
    let tight = true;
    let i = start;
    let contentIndent = 0;
    while (i < lines.length) {
      const line = lines[i];
      const item = LIST_ITEM.exec(line);
      if (item && item[1].length >= baseIndent && item[1].length < baseIndent + 2 && /\d/.test(item[2]) === ordered) {
        contentIndent = item[1].length + item[2].length + Math.min(Math.max(item[3].length, 1), 4);
        items.push([item[4]]);
        i++;
        continue;
      }
      if (line.trim() === '') {
        // A blank line continues the list only if indented content or another item follows.
        let next = i + 1;
        while (next < lines.length && lines[next].trim() === '') next++;
        const following = lines[next];
        const nextItem = following === undefined ? null : LIST_ITEM.exec(following);
        const sameList = nextItem !== null && nextItem[1].length >= baseIndent && nextItem[1].length < baseIndent + 2 && /\d/.test(nextItem[2]) === ordered;
        const continues = following !== undefined && (indentOf(following) >= contentIndent || sameList);
        if (!continues) break;
        tight = false;
        for (; i < next; i++) items[items.length - 1].push('');
        continue;
      }
      if (indentOf(line) >= contentIndent) {
        items[items.length - 1].push(line.slice(contentIndent));
        i++;
        continue;
      }
      // Lazy continuation of the item's paragraph, unless the line starts a block of its own.
      const previous = items[items.length - 1];
      if (previous[previous.length - 1].trim() !== '' && !startsBlock(line)) {
        previous.push(line.trim());
        i++;
        continue;
      }
      break;
    }
    const startNumber = ordered ? Number.parseInt(first[2], 10) : 1;
    const open = ordered ? (startNumber !== 1 ? `<ol start="${startNumber}">` : '<ol>') : '<ul>';
    const body = items.map((content) => `<li>${this.blocks(content, tight).trimEnd()}</li>`).join('\n');
    out.push(`${open}\n${body}\n${ordered ? '</ol>' : '</ul>'}`);
    return i;
  }

  private paragraph(lines: string[], start: number, out: string[], tight: boolean): number {
    const text: string[] = [];
    let i = start;
    for (; i < lines.length; i++) {
      const line = lines[i];
      if (line.trim() === '' || (i > start && startsBlock(line))) break;
      text.push(line.replace(/^ +/, ''));
    }
    const html = renderInline(text.join('\n').replace(/\s+$/, ''), this.resolve);
    out.push(tight ? html : `<p>${html}</p>`);
    return i;
  }
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** Lines that interrupt a paragraph. An ordered item interrupts only when it starts at 1, as in CommonMark. */
function startsBlock(line: string): boolean {
  if (HTML_COMMENT_OPEN.test(line) || FENCE_OPEN.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ANCHOR_LINE.test(line)) return true;
  const item = LIST_ITEM.exec(line);
  return item !== null && item[4].trim() !== '' && (!/\d/.test(item[2]) || /^1[.)]$/.test(item[2]));
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 0; i < row.length; i++) {
    const char = row[i];
    if (char === '\\' && row[i + 1] === '|') {
      current += '|';
      i++;
    } else if (char === '`') {
      inCode = !inCode;
      current += char;
    } else if (char === '|' && !inCode) {
      cells.push(current.trim());
      current = '';
    } else current += char;
  }
  cells.push(current.trim());
  return cells;
}

/** GitHub-style heading slug: lower case, punctuation dropped, spaces to hyphens; letters of any script kept. */
export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
}

export function renderMarkdown(markdown: string, resolve: LinkResolver): RenderedMarkdown {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(/\0/g, '\uFFFD').split('\n');
  const explicit = new Map<string, number>();
  for (const line of lines) {
    for (const match of line.matchAll(/<a\s+id="([^"<>]*)"\s*>\s*<\/a>/g)) if (SAFE_ID.test(match[1])) explicit.set(match[1], 1);
  }
  const renderer = new Renderer(resolve, explicit);
  const html = renderer.blocks(lines);
  // Every id in the output was written by this module from a SAFE_ID or a slug, so reading them back is exact.
  const ids = [...html.matchAll(/ id="([^"]*)"/g)].map((match) => match[1]);
  return { html, title: renderer.title, ids };
}
