import { SUPPRESSION_REASON_ID, UNUSED_SUPPRESSION_ID } from './suppression';
import { NOTICE_CHECKS } from './limits';
import type { LocalizedText, Severity } from './types';

/** Problems in `.infracoach.yaml` (or the editor settings), reported on the configuration file. */
export const CONFIG_PROBLEM_ID = 'infracoach/config';

/**
 * Findings the engine reports about its own inputs (configuration and suppression comments) rather than about
 * infrastructure. They are not rules: no skill, no docs pages, not configurable per rule; listings such as
 * SARIF's rule table still need to describe them.
 */
export interface MetaCheck {
  id: string;
  severity: Severity;
  title: LocalizedText;
  description: LocalizedText;
}

export const META_CHECKS: readonly MetaCheck[] = [
  {
    id: CONFIG_PROBLEM_ID,
    severity: 'error',
    title: { en: 'Invalid Infra Coach configuration', ja: 'Infra Coach の設定が正しくない' },
    description: {
      en: 'An entry of .infracoach.yaml is not valid; it is ignored and the defaults apply instead.',
      ja: '.infracoach.yaml の項目が正しくないため無視され、代わりに既定値が使われています。',
    },
  },
  {
    id: UNUSED_SUPPRESSION_ID,
    severity: 'hint',
    title: { en: 'Suppression comment that silences nothing', ja: '何も抑制していない抑制コメント' },
    description: {
      en: 'An infracoach-disable comment names a rule that reports nothing where it applies; remove it so real findings are not hidden later.',
      ja: 'infracoach-disable コメントが指定したルールは、その範囲で何も指摘していません。将来の指摘を隠さないよう削除してください。',
    },
  },
  {
    id: SUPPRESSION_REASON_ID,
    severity: 'warning',
    title: { en: 'Suppression comment without a reason', ja: '理由のない抑制コメント' },
    description: {
      en: 'The configuration requires every infracoach-disable comment to say why ("-- reason").',
      ja: '設定により、infracoach-disable コメントには理由（"-- 理由"）が必要です。',
    },
  },
  // Why a file was not (fully) checked: skipped, quarantined, out of time (engine/limits.ts).
  ...NOTICE_CHECKS,
];

export function findMetaCheck(id: string): MetaCheck | undefined {
  return META_CHECKS.find((check) => check.id === id);
}
