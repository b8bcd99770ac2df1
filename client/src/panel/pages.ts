/**
 * Which page the panel shows for a request, with the fallbacks that keep it useful while content is
 * incomplete: the other language (with a notice), a rule's skill topic when the rule has no doc, and a short
 * generated page for a skill without one. Files are read through `read`, so this is unit-tested under node.
 */
import type { Catalog } from '../../../server/src/lsp/catalog';
import { panelStrings } from './html';
import { hrefTo, pagePath, type PageLocale, type PageRef } from './links';

export interface PanelTarget {
  page: PageRef;
  /** Anchor to scroll to, e.g. a topic slug. */
  anchor?: string;
}

export type FindingsScope = { kind: 'skill'; skillId: string } | { kind: 'rule'; ruleId: string };

export interface LoadedPage {
  /** The page actually shown; its language may differ from the request when a translation is missing. */
  page: PageRef;
  /** Package-relative path that relative links in the page resolve from. */
  path: string;
  markdown: string;
  /** The skill's or rule's title in the requested language, for the panel's tab. */
  title: string;
  /** The language the panel's own labels use: the one requested. */
  locale: PageLocale;
  anchor?: string;
  notice?: string;
  /** Inline Markdown shown above a rule doc: a link to the skill topic it belongs to. */
  bannerMarkdown?: string;
  scope: FindingsScope;
}

export type PageReader = (path: string) => Promise<string | undefined>;

const otherLocale = (locale: PageLocale): PageLocale => (locale === 'en' ? 'ja' : 'en');

/** The page in the requested language, else in the other one. */
async function readEither(page: PageRef, read: PageReader): Promise<{ page: PageRef; markdown: string } | undefined> {
  for (const locale of [page.locale, otherLocale(page.locale)]) {
    const candidate: PageRef = { ...page, locale };
    const markdown = await read(pagePath(candidate));
    if (markdown !== undefined) return { page: candidate, markdown };
  }
  return undefined;
}

export async function loadPage(catalog: Catalog, target: PanelTarget, read: PageReader): Promise<LoadedPage | undefined> {
  const { locale } = target.page;
  const strings = panelStrings(locale);
  if (target.page.kind === 'rule') {
    const ruleId = target.page.id;
    const rule = catalog.rules.find((candidate) => candidate.id === ruleId);
    if (!rule) return undefined;
    const [skillId, slug] = rule.skill.split('#');
    const found = await readEither(target.page, read);
    // No doc in either language yet: the skill topic the rule points at is the next best explanation.
    if (!found) return loadPage(catalog, { page: { kind: 'skill', id: skillId, locale }, anchor: slug }, read);
    const skill = catalog.skills.find((candidate) => candidate.id === skillId);
    const topic = skill?.topics.find((candidate) => candidate.id === rule.skill);
    const skillText = skill ? `${skill.id} ${skill.title[locale]}${topic ? ` › ${topic.title[locale]}` : ''}` : rule.skill;
    return {
      page: found.page,
      path: pagePath(found.page),
      markdown: found.markdown,
      title: rule.title[locale],
      locale,
      anchor: target.anchor,
      notice: found.page.locale === locale ? undefined : strings.untranslated,
      bannerMarkdown: `${strings.skill}: [${skillText}](${hrefTo({ kind: 'skill', id: skillId, locale }, slug)})`,
      scope: { kind: 'rule', ruleId },
    };
  }
  const skillId = target.page.id;
  const skill = catalog.skills.find((candidate) => candidate.id === skillId);
  if (!skill) return undefined;
  const found = await readEither(target.page, read);
  const page = found?.page ?? target.page;
  return {
    page,
    path: pagePath(page),
    markdown: found?.markdown ?? placeholderPage(catalog, skillId, locale),
    title: skill.title[locale],
    locale,
    anchor: target.anchor,
    notice: found && found.page.locale !== locale ? strings.untranslated : undefined,
    scope: { kind: 'skill', skillId },
  };
}

/** A skill whose page is not written yet still shows its title, its topics and the rules that coach it. */
function placeholderPage(catalog: Catalog, skillId: string, locale: PageLocale): string {
  const strings = panelStrings(locale);
  const skill = catalog.skills.find((candidate) => candidate.id === skillId)!;
  const lines = [`# ${skill.title[locale]}`, '', strings.pageMissing, ''];
  for (const topic of skill.topics) lines.push(`<a id="${topic.id.split('#')[1]}"></a>`, `## ${topic.title[locale]}`, '');
  const rules = catalog.rules.filter((rule) => skill.rules.includes(rule.id));
  if (rules.length > 0) {
    lines.push(`## ${strings.rulesForSkill}`, '');
    for (const rule of rules) lines.push(`- [${rule.title[locale]}](${hrefTo({ kind: 'rule', id: rule.id, locale })}) \`${rule.id}\``);
  }
  return lines.join('\n') + '\n';
}
