/**
 * Just enough Markdown reading for the docs and skill-page tests: headings, fenced blocks, explicit anchors
 * and relative links, all outside code fences (a `## ` line inside a Dockerfile example is not a heading).
 */

export interface FencedBlock {
  /** The info string after the opening fence, e.g. `dockerfile before`. */
  info: string;
  body: string;
  /** 0-based line of the opening fence. */
  line: number;
}

export interface Heading {
  level: number;
  text: string;
  line: number;
}

export interface MarkdownOutline {
  lines: string[];
  headings: Heading[];
  fences: FencedBlock[];
  /** `id`s of `<a id="…"></a>` anchors. */
  anchors: string[];
  /** Link targets of `[text](target)` outside fences and inline code. */
  links: { target: string; line: number }[];
}

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;

export function outline(text: string): MarkdownOutline {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const result: MarkdownOutline = { lines, headings: [], fences: [], anchors: [], links: [] };
  let open: { marker: string; info: string; line: number; body: string[] } | undefined;
  lines.forEach((line, index) => {
    const fence = FENCE.exec(line);
    if (open) {
      if (fence && fence[2][0] === open.marker[0] && fence[2].length >= open.marker.length && fence[3].trim() === '') {
        result.fences.push({ info: open.info, body: open.body.join('\n') + '\n', line: open.line });
        open = undefined;
      } else {
        open.body.push(line);
      }
      return;
    }
    if (fence) {
      open = { marker: fence[2], info: fence[3].trim(), line: index, body: [] };
      return;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) result.headings.push({ level: heading[1].length, text: heading[2], line: index });
    for (const match of line.matchAll(/<a\s+id="([^"]+)"\s*><\/a>/g)) result.anchors.push(match[1]);
    const withoutCode = line.replace(/`[^`]*`/g, '');
    for (const match of withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) result.links.push({ target: match[1], line: index });
  });
  return result;
}

/** The lines between a `## ` heading and the next heading of level 2 or higher (exclusive). */
export function sectionText(doc: MarkdownOutline, headingText: string): string | undefined {
  const start = doc.headings.find((heading) => heading.level === 2 && heading.text === headingText);
  if (!start) return undefined;
  const next = doc.headings.find((heading) => heading.line > start.line && heading.level <= 2);
  return doc.lines.slice(start.line + 1, next?.line ?? doc.lines.length).join('\n');
}

/** Relative links only: `https:`, `mailto:`, `command:` and same-page `#anchor` links are not files. */
export function isRelativeFileLink(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');
}

/** True when the text has kana or kanji, i.e. it was written in Japanese and not left in English. */
export function hasJapanese(text: string): boolean {
  return /[\u3040-\u30ff\u3400-\u9fff]/.test(text);
}
