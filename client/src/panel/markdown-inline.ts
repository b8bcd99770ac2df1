/**
 * Inline Markdown (code spans, emphasis, links, explicit anchors) to HTML for the Infra Coach panel.
 * Every character of the source reaches the output escaped; the only markup produced is the fixed set of
 * tags below, and links never carry a navigable `href` (the panel's script asks the extension to follow them).
 * No `vscode` import, so it is unit-tested under node.
 */

/** How the panel treats a link target; `undefined` from the resolver renders the link text unlinked. */
export type ResolvedLink = { kind: 'anchor'; anchor: string } | { kind: 'navigate'; href: string; title?: string };
export type LinkResolver = (href: string) => ResolvedLink | undefined;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** The ids we accept for `<a id="…"></a>` anchors and heading ids: nothing that could leave the attribute. */
export const SAFE_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const EXPLICIT_ANCHOR = /<a\s+id="([^"<>]{1,100})"\s*>\s*<\/a>/y;
const AUTOLINK = /<(https:\/\/[^\s<>]+)>/y;

interface InlineContext {
  resolve: LinkResolver;
  insideLink: boolean;
}

export function renderInline(text: string, resolve: LinkResolver): string {
  return render(text, { resolve, insideLink: false });
}

function render(text: string, context: InlineContext): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length && ASCII_PUNCTUATION.test(text[i + 1])) {
      out += escapeHtml(text[i + 1]);
      i += 2;
      continue;
    }
    if (char === '`') {
      const span = codeSpan(text, i);
      if (span) {
        out += `<code>${escapeHtml(span.content)}</code>`;
        i = span.end;
      } else {
        const end = runEnd(text, i, '`');
        out += escapeHtml(text.slice(i, end));
        i = end;
      }
      continue;
    }
    if (char === '<') {
      const commentEnd = text.startsWith('<!--', i) ? text.indexOf('-->', i + 4) : -1;
      if (commentEnd >= 0) {
        i = commentEnd + 3;
        continue;
      }
      EXPLICIT_ANCHOR.lastIndex = i;
      const anchor = EXPLICIT_ANCHOR.exec(text);
      if (anchor) {
        if (SAFE_ID.test(anchor[1])) out += `<a class="anchor" id="${escapeHtml(anchor[1])}"></a>`;
        i = EXPLICIT_ANCHOR.lastIndex;
        continue;
      }
      AUTOLINK.lastIndex = i;
      const autolink = context.insideLink ? null : AUTOLINK.exec(text);
      if (autolink) {
        out += linkHtml(context.resolve(autolink[1]), escapeHtml(autolink[1]));
        i = AUTOLINK.lastIndex;
        continue;
      }
    }
    if (char === '!' && text[i + 1] === '[') {
      // Images would be remote content; the panel shows their alt text instead.
      const image = parseLink(text, i + 1);
      if (image) {
        out += `<span class="image-alt">${render(image.text, { ...context, insideLink: true })}</span>`;
        i = image.end;
        continue;
      }
    }
    if (char === '[' && !context.insideLink) {
      const link = parseLink(text, i);
      if (link) {
        out += linkHtml(context.resolve(link.href), render(link.text, { ...context, insideLink: true }), link.title);
        i = link.end;
        continue;
      }
    }
    if (char === '*' || char === '_' || char === '~') {
      const emphasis = parseEmphasis(text, i);
      if (emphasis) {
        out += `<${emphasis.tag}>${render(emphasis.content, context)}</${emphasis.tag}>`;
        i = emphasis.end;
        continue;
      }
      const end = runEnd(text, i, char);
      out += escapeHtml(text.slice(i, end));
      i = end;
      continue;
    }
    if (char === '\n') {
      // Two trailing spaces or a backslash before the line break is a hard break, as in CommonMark.
      if (/ {2,}$/.test(out)) out = out.replace(/ +$/, '') + '<br>';
      else if (out.endsWith('\\')) out = out.slice(0, -1) + '<br>';
      out += '\n';
      i++;
      continue;
    }
    out += escapeHtml(char);
    i++;
  }
  return out;
}

function linkHtml(target: ResolvedLink | undefined, inner: string, title?: string): string {
  if (!target) return inner;
  if (target.kind === 'anchor') {
    return `<a class="nav" tabindex="0" role="link" data-anchor="${escapeHtml(target.anchor)}">${inner}</a>`;
  }
  const tooltip = title ?? target.title ?? target.href;
  return `<a class="nav" tabindex="0" role="link" data-href="${escapeHtml(target.href)}" title="${escapeHtml(tooltip)}">${inner}</a>`;
}

function runEnd(text: string, start: number, char: string): number {
  let end = start;
  while (text[end] === char) end++;
  return end;
}

/** A code span opened by the backtick run at `start`, closed by a run of the same length. */
function codeSpan(text: string, start: number): { content: string; end: number } | undefined {
  const open = runEnd(text, start, '`') - start;
  let search = start + open;
  while (search < text.length) {
    const next = text.indexOf('`', search);
    if (next < 0) return undefined;
    const close = runEnd(text, next, '`');
    if (close - next === open) {
      let content = text.slice(start + open, next).replace(/\n/g, ' ');
      if (content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
      return { content, end: close };
    }
    search = close;
  }
  return undefined;
}

/** `[text](destination "title")` starting at the `[` at `start`. */
function parseLink(text: string, start: number): { text: string; href: string; title?: string; end: number } | undefined {
  let depth = 0;
  let i = start;
  for (; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '`') {
      const span = codeSpan(text, i);
      if (span) i = span.end - 1;
    } else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) break;
  }
  if (i >= text.length || text[i + 1] !== '(') return undefined;
  const label = text.slice(start + 1, i);
  let j = i + 2;
  while (text[j] === ' ') j++;
  let href = '';
  if (text[j] === '<') {
    const close = text.indexOf('>', j);
    if (close < 0 || /[\n<]/.test(text.slice(j + 1, close))) return undefined;
    href = text.slice(j + 1, close);
    j = close + 1;
  } else {
    let parens = 0;
    const hrefStart = j;
    for (; j < text.length && !/\s/.test(text[j]); j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '(') parens++;
      else if (text[j] === ')' && parens-- === 0) break;
    }
    href = text.slice(hrefStart, j);
  }
  while (text[j] === ' ' || text[j] === '\n') j++;
  let title: string | undefined;
  const quote = text[j];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, j + 1);
    if (close < 0) return undefined;
    title = text.slice(j + 1, close);
    j = close + 1;
    while (text[j] === ' ') j++;
  }
  if (text[j] !== ')') return undefined;
  return { text: label, href: href.replace(/\\([!-/:-@[-`{-~])/g, '$1'), title, end: j + 1 };
}

const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** `**strong**`, `*em*`, `__strong__`, `_em_` (not inside words) and `~~del~~` starting at `start`. */
function parseEmphasis(text: string, start: number): { tag: 'strong' | 'em' | 'del'; content: string; end: number } | undefined {
  const char = text[start];
  const run = runEnd(text, start, char) - start;
  const width = char === '~' ? 2 : Math.min(run, 2);
  if (char === '~' && run !== 2) return undefined;
  if (isSpace(text[start + width])) return undefined;
  if (char === '_' && isWordChar(text[start - 1])) return undefined;
  for (let j = start + width; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] === '`') {
      const span = codeSpan(text, j);
      if (span) j = span.end - 1;
      continue;
    }
    if (text[j] !== char) continue;
    const closingRun = runEnd(text, j, char) - j;
    const closes = !isSpace(text[j - 1]) && !(char === '_' && isWordChar(text[j + closingRun]))
      && (width === 2 ? closingRun >= 2 : closingRun === 1 || closingRun === 3);
    if (closes) {
      // The closing delimiter is the end of the run, so `***x***` is strong around `*x*`.
      const content = text.slice(start + width, j + closingRun - width);
      if (content.length === 0) return undefined;
      return { tag: char === '~' ? 'del' : width === 2 ? 'strong' : 'em', content, end: j + closingRun };
    }
    // A run that cannot close here (e.g. nested strong text inside emphasis) is stepped over.
    j += closingRun - 1;
  }
  return undefined;
}
