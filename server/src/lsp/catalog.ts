import { docsPaths, type AnyRule } from '../engine/rule';
import { SKILLS, skillIdOf, skillPagePaths, TOPICS } from '../engine/skills';
import type { Locale, LocalizedText, Severity } from '../engine/types';

export interface CatalogSkill {
  id: string;
  title: LocalizedText;
  /** Package-relative paths of the skill's page in each language. */
  pages: LocalizedText;
  topics: { id: string; title: LocalizedText }[];
  /** Ids of the rules that coach this skill. */
  rules: string[];
}

export interface CatalogRule {
  id: string;
  title: LocalizedText;
  /** Skill topic, e.g. `4.4.1#least-privilege`. */
  skill: string;
  severity: Severity;
  /** Package-relative paths of the rule's doc in each language. */
  docs: LocalizedText;
}

/**
 * What the client and the CLI need to offer skills and rules: both languages (pickers search both), and the
 * locale the server resolved from the client's locale and the `infracoach.language` setting.
 */
export interface Catalog {
  locale: Locale;
  skills: CatalogSkill[];
  rules: CatalogRule[];
}

export function catalog(rules: readonly AnyRule[], locale: Locale): Catalog {
  return {
    locale,
    skills: SKILLS.map((skill) => ({
      id: skill.id,
      title: skill.title,
      pages: skillPagePaths(skill.id),
      topics: TOPICS.filter((topic) => skillIdOf(topic.id) === skill.id).map((topic) => ({ id: topic.id, title: topic.title })),
      rules: rules.filter((rule) => skillIdOf(rule.skill) === skill.id).map((rule) => rule.id),
    })),
    rules: rules.map((rule) => ({ id: rule.id, title: rule.title, skill: rule.skill, severity: rule.defaultSeverity, docs: docsPaths(rule.id) })),
  };
}
