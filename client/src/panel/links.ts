/**
 * The panel's allow-list of pages and links. A page is only ever a skill page or a rule doc inside the
 * extension, addressed by id, never by a free path; a link is an in-page anchor, one of those pages, or an
 * https address handed to the editor's external opener. Everything else renders as plain text.
 * No `vscode` import, so it is unit-tested under node.
 */
import { SAFE_ID } from './markdown-inline';

export type PageLocale = 'en' | 'ja';

export type PageRef =
  | { kind: 'skill'; id: string; locale: PageLocale }
  | { kind: 'rule'; id: string; locale: PageLocale };

export type PanelLink =
  | { kind: 'anchor'; anchor: string }
  | { kind: 'page'; page: PageRef; anchor?: string }
  | { kind: 'external'; url: string };

const SKILL_ID = /^\d{1,2}\.\d{1,2}\.\d{1,2}$/;
const RULE_ID = /^(dockerfile|kubernetes|terraform)\/[a-z0-9][a-z0-9-]{0,80}$/;
const SKILL_PAGE = /^skills\/(\d{1,2}\.\d{1,2}\.\d{1,2})\.(en|ja)\.md$/;
const RULE_DOC = /^rules\/docs\/((?:dockerfile|kubernetes|terraform)\/[a-z0-9][a-z0-9-]{0,80})\.(en|ja)\.md$/;
/** Characters a relative link to one of our pages can contain; no `%`, `\`, `?` or `:` tricks. */
const RELATIVE_PATH = /^[A-Za-z0-9._/-]{1,300}$/;

export function isSkillId(id: string): boolean {
  return SKILL_ID.test(id);
}

export function isRuleId(id: string): boolean {
  return RULE_ID.test(id);
}

/** Package-relative path of a page; the only way the panel turns a page into a file. */
export function pagePath(page: PageRef): string {
  if (page.kind === 'skill') {
    if (!isSkillId(page.id)) throw new Error(`not a skill id: ${page.id}`);
    return `skills/${page.id}.${page.locale}.md`;
  }
  if (!isRuleId(page.id)) throw new Error(`not a rule id: ${page.id}`);
  return `rules/docs/${page.id}.${page.locale}.md`;
}

export function pageOfPath(path: string): PageRef | undefined {
  const skill = SKILL_PAGE.exec(path);
  if (skill) return { kind: 'skill', id: skill[1], locale: skill[2] as PageLocale };
  const rule = RULE_DOC.exec(path);
  if (rule) return { kind: 'rule', id: rule[1], locale: rule[2] as PageLocale };
  return undefined;
}

function safeAnchor(anchor: string | undefined): string | undefined {
  return anchor !== undefined && anchor.length <= 100 && SAFE_ID.test(anchor) ? anchor : undefined;
}

/** `a/b/../c` → `a/c`; undefined when the path climbs above the package root. */
function normalise(path: string): string | undefined {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * What a link written in the page at `fromPath` may do in the panel. `fromPath` is the package-relative path
 * of that page; relative links resolve against its folder, and a leading `/` means the package root.
 */
export function classifyLink(fromPath: string, href: string): PanelLink | undefined {
  if (href.length === 0 || href.length > 2000 || /[\s\u0000-\u001f\u007f]/.test(href)) return undefined;
  if (href.startsWith('#')) {
    const anchor = safeAnchor(href.slice(1));
    return anchor ? { kind: 'anchor', anchor } : undefined;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return externalLink(href);
  if (href.startsWith('//')) return undefined;
  const hash = href.indexOf('#');
  const path = hash < 0 ? href : href.slice(0, hash);
  const anchor = hash < 0 ? undefined : safeAnchor(href.slice(hash + 1));
  if (!RELATIVE_PATH.test(path)) return undefined;
  const folder = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/')) : '';
  const resolved = normalise(path.startsWith('/') ? path : `${folder}/${path}`);
  const page = resolved === undefined ? undefined : pageOfPath(resolved);
  if (!page) return undefined;
  return anchor ? { kind: 'page', page, anchor } : { kind: 'page', page };
}

/** Only plain https addresses, without credentials, leave the panel (through the editor's link protection). */
function externalLink(href: string): PanelLink | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
  return { kind: 'external', url: url.href };
}

/** A root-relative link to `page` that `classifyLink` accepts from any page (for links the panel writes itself). */
export function hrefTo(page: PageRef, anchor?: string): string {
  const safe = safeAnchor(anchor);
  return `/${pagePath(page)}${safe ? `#${safe}` : ''}`;
}
