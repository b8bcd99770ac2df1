/**
 * Arguments of `infracoach.explainSkill`. They arrive from the Learn code action, hover and Problems-panel
 * links (`command:` URIs) and the skill map, so only well-formed ids get through.
 * No `vscode` import, so it is unit-tested under node.
 */
import { isRuleId } from './panel/links';

export interface ExplainArguments {
  /** A skill id (`4.1.1`) or topic id (`4.1.1#multi-stage-builds`). */
  skill?: string;
  ruleId?: string;
}

const TOPIC_ID = /^\d{1,2}\.\d{1,2}\.\d{1,2}(?:#[a-z0-9-]{1,80})?$/;

export function explainArguments(value: unknown): ExplainArguments {
  if (typeof value === 'string') return isRuleId(value) ? { ruleId: value } : TOPIC_ID.test(value) ? { skill: value } : {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const { skill, ruleId } = value as Record<string, unknown>;
  return {
    ...(typeof skill === 'string' && TOPIC_ID.test(skill) ? { skill } : {}),
    ...(typeof ruleId === 'string' && isRuleId(ruleId) ? { ruleId } : {}),
  };
}
