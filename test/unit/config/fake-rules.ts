import { defineRule, type AnyRule } from '../../../server/src/engine/rule';
import type { RuleOption } from '../../../server/src/engine/types';

/** Small stand-ins for real rules, so configuration tests do not change whenever a rule does. */
export function fakeRule(id: `${'dockerfile' | 'kubernetes' | 'terraform'}/${string}`, options?: Record<string, RuleOption>): AnyRule {
  const language = id.slice(0, id.indexOf('/')) as 'dockerfile';
  return defineRule({
    id: id as `dockerfile/${string}`,
    language,
    defaultSeverity: 'warning',
    skill: '4.4.1#least-privilege',
    title: { en: `Title of ${id}`, ja: `${id} の題名` },
    messages: { found: { en: 'found', ja: '発見' } },
    ...(options ? { options } : {}),
    check: () => undefined,
  }) as AnyRule;
}

export const FAKE_RULES: readonly AnyRule[] = [
  fakeRule('dockerfile/root-user'),
  fakeRule('kubernetes/missing-resource-limits', {
    requireCpuLimit: { type: 'boolean', default: false, description: { en: 'cpu', ja: 'cpu' } },
  }),
  fakeRule('terraform/missing-tags', {
    requiredTags: { type: 'array', default: ['owner'], description: { en: 'tags', ja: 'タグ' } },
    minimum: { type: 'number', default: 1, description: { en: 'n', ja: 'n' } },
  }),
];
