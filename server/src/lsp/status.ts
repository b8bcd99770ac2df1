import { detectLanguage } from '../engine/detect';
import type { LintSettings } from '../engine/engine';
import { parseKubernetes } from '../engine/kubernetes/parse';
import { skipReason } from '../engine/limits';
import type { AnyRule } from '../engine/rule';
import type { Language, Locale } from '../engine/types';
import type { ResolvedConfig } from '../node-config';

export const STATUS_REQUEST = 'infracoach/status';

export type FileState = 'active' | 'disabled' | 'excluded' | 'unsupported' | 'not-kubernetes' | 'too-large' | 'all-rules-off' | 'configuration';

/** What the language status item shows for a file: what is checked, or why nothing shows. */
export interface FileStatus {
  state: FileState;
  text: string;
  detail: string;
  /** Warning when the user probably expects findings that will not come (excluded, too large). */
  severity: 'information' | 'warning';
  activeRules?: number;
  findings?: number;
}

export interface StatusInput {
  path: string;
  text: string;
  languageId?: string;
  enabled: boolean;
  maxFileSize: number;
  resolved: ResolvedConfig | undefined;
  isConfigFile: boolean;
  configProblems?: number;
  findings: number | undefined;
  rules: readonly AnyRule[];
  lintSettings?: LintSettings;
  locale: Locale;
}

const LANGUAGE_NAMES: Record<Language, string> = { dockerfile: 'Dockerfile', kubernetes: 'Kubernetes', terraform: 'Terraform' };

function activeRuleCount(language: Language, rules: readonly AnyRule[], settings: LintSettings | undefined): number {
  return rules.filter((rule) => {
    if (rule.language !== language) return false;
    const setting = settings?.rules?.[rule.id];
    const severity = typeof setting === 'string' ? setting : setting?.severity;
    return severity !== 'off';
  }).length;
}

export function fileStatus(input: StatusInput): FileStatus {
  const ja = input.locale === 'ja';
  const status = (state: FileState, text: string, detail: string, severity: FileStatus['severity'] = 'information'): FileStatus => ({ state, text, detail, severity });
  if (!input.enabled) return status('disabled', ja ? 'Infra Coach: 無効' : 'Infra Coach: off', ja ? '設定 infracoach.enable で無効になっています' : 'Turned off by the infracoach.enable setting');
  if (input.isConfigFile) {
    const problems = input.configProblems ?? 0;
    return status('configuration', ja ? `Infra Coach の設定: 問題 ${problems} 件` : `Infra Coach configuration: ${problems} problem${problems === 1 ? '' : 's'}`,
      ja ? 'このファイルのルール設定と除外パターンが、この下のファイルに適用されます' : 'Its rules and exclude patterns apply to the files below this folder', problems > 0 ? 'warning' : 'information');
  }
  const language = detectLanguage(input.path, input.languageId);
  if (!language) return status('unsupported', ja ? 'Infra Coach: 対象外' : 'Infra Coach: not checked', ja ? 'Dockerfile、Kubernetes マニフェスト、Terraform ファイルだけを検査します' : 'Only Dockerfiles, Kubernetes manifests and Terraform files are checked');
  if (input.resolved?.excludedBy) {
    const { pattern, origin } = input.resolved.excludedBy;
    return status('excluded', ja ? 'Infra Coach: 除外' : 'Infra Coach: excluded', ja ? `${origin} のパターン "${pattern}" で除外されています` : `Excluded by "${pattern}" in ${origin}`, 'warning');
  }
  if (skipReason(input.text, input.maxFileSize) === 'too-large') {
    const size = `${Math.round(input.text.length / 1024)} KB`;
    return status('too-large', ja ? 'Infra Coach: 大きすぎるファイル' : 'Infra Coach: file too large', ja ? `${size} のファイルは検査しません（infracoach.maxFileSize）` : `${size} is above infracoach.maxFileSize, so the file is not checked`, 'warning');
  }
  if (language === 'kubernetes') {
    const documents = parseKubernetes(input.path, input.text).documents;
    if (!documents.some((document) => document.isKubernetes && !document.isTemplate)) {
      return status('not-kubernetes', ja ? 'Infra Coach: Kubernetes ではない' : 'Infra Coach: not a Kubernetes document',
        ja ? 'apiVersion と kind を持つドキュメントがないため検査しません（Helm テンプレートも対象外です）' : 'No document has both apiVersion and kind (Helm templates are skipped too), so there is nothing to check');
    }
  }
  const activeRules = activeRuleCount(language, input.rules, input.lintSettings);
  if (activeRules === 0) return status('all-rules-off', ja ? 'Infra Coach: 全ルール無効' : 'Infra Coach: all rules off', ja ? `${LANGUAGE_NAMES[language]} のルールはすべて設定で無効です` : `Every ${LANGUAGE_NAMES[language]} rule is turned off by configuration`, 'warning');
  const findings = input.findings ?? 0;
  const origin = input.resolved?.file ? (ja ? `設定: ${input.resolved.file.path}` : `Configuration: ${input.resolved.file.path}`) : (ja ? '既定の設定' : 'Default configuration');
  return {
    state: 'active',
    text: ja ? `Infra Coach: 指摘 ${findings} 件` : `Infra Coach: ${findings} finding${findings === 1 ? '' : 's'}`,
    detail: ja ? `${LANGUAGE_NAMES[language]} のルール ${activeRules} 件が有効 · ${origin}` : `${activeRules} ${LANGUAGE_NAMES[language]} rule${activeRules === 1 ? '' : 's'} active · ${origin}`,
    severity: 'information',
    activeRules,
    findings,
  };
}
