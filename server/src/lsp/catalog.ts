import { docsPaths, type AnyRule } from '../engine/rule';
import { SKILLS, skillIdOf, skillPagePaths } from '../engine/skills';
import type { Locale } from '../engine/types';

export interface Catalog {
  skills: { id: string; title: string; otherTitle: string; page: string; rules: string[] }[];
  rules: { id: string; title: string; skill: string; docs: string }[];
}

/** What the client needs to offer skills and rules in pickers, in the user's language (with the other language for search). */
export function catalog(rules: readonly AnyRule[], locale: Locale): Catalog {
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  return {
    skills: SKILLS.map((skill) => ({
      id: skill.id,
      title: skill.title[locale],
      otherTitle: skill.title[other],
      page: skillPagePaths(skill.id)[locale],
      rules: rules.filter((rule) => skillIdOf(rule.skill) === skill.id).map((rule) => rule.id),
    })),
    rules: rules.map((rule) => ({ id: rule.id, title: rule.title[locale], skill: rule.skill, docs: docsPaths(rule.id)[locale] })),
  };
}
