import type { RuleSetting } from '../engine';
import type { AnyRule } from '../rule';
import type { LocalizedText, RuleOption, RuleOptionValues, Severity } from '../types';
import { globProblem } from './glob';
import { emptyLayer, type ConfigLayer, type ConfigPath, type ConfigProblem, type SuppressionSettings } from './model';

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint'];
const RULE_LEVELS: readonly string[] = ['off', ...SEVERITIES];
const TOP_LEVEL_KEYS = ['rules', 'exclude', 'suppressions'] as const;
const SUPPRESSION_KEYS: readonly (keyof SuppressionSettings)[] = ['requireReason', 'reportUnused'];

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

/**
 * Checks a configuration (the parsed `.infracoach.yaml`, or the editor's `infracoach.*` settings) against
 * the rules that exist. Every invalid entry becomes one problem and is left out, so the rest still applies.
 */
export function validateConfig(value: unknown, rules: readonly AnyRule[]): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const layer = emptyLayer();
  const problems: ConfigProblem[] = [];
  if (value === null || value === undefined) return { layer, problems };
  if (!isPlainObject(value)) {
    problems.push({ path: [], at: 'value', message: {
      en: `The configuration must be a mapping with "rules", "exclude" or "suppressions", not ${describe(value)}.`,
      ja: `設定は "rules"、"exclude"、"suppressions" を持つマッピングにしてください（今は ${describe(value)}）。`,
    } });
    return { layer, problems };
  }
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'rules') layer.rules = validateRules(entry, rules, problems);
    else if (key === 'exclude') layer.exclude = validateExclude(entry, problems);
    else if (key === 'suppressions') layer.suppressions = validateSuppressions(entry, problems);
    else problems.push({ path: [key], at: 'key', message: {
      en: `Unknown key "${key}". Use ${TOP_LEVEL_KEYS.map((name) => `"${name}"`).join(', ')}.`,
      ja: `不明なキー "${key}" です。${TOP_LEVEL_KEYS.map((name) => `"${name}"`).join('、')} を使ってください。`,
    } });
  }
  return { layer, problems };
}

function validateRules(value: unknown, rules: readonly AnyRule[], problems: ConfigProblem[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  if (value === null || value === undefined) return settings;
  if (!isPlainObject(value)) {
    problems.push({ path: ['rules'], at: 'value', message: {
      en: `"rules" must map rule ids to "off", a severity or { severity, options }, not ${describe(value)}.`,
      ja: `"rules" にはルール ID ごとに "off"、重大度、または { severity, options } を書いてください（今は ${describe(value)}）。`,
    } });
    return settings;
  }
  for (const [ruleId, entry] of Object.entries(value)) {
    const rule = rules.find((candidate) => candidate.id === ruleId);
    if (!rule) {
      const suggestion = closestRuleId(ruleId, rules);
      problems.push({ path: ['rules', ruleId], at: 'key', message: {
        en: `There is no rule "${ruleId}".${suggestion ? ` Did you mean "${suggestion}"?` : ' Run `infracoach rules` to list them.'}`,
        ja: `ルール "${ruleId}" はありません。${suggestion ? `"${suggestion}" のことですか？` : '`infracoach rules` で一覧を確認できます。'}`,
      } });
      continue;
    }
    const setting = validateRuleSetting(rule, entry, problems);
    if (setting !== undefined) settings[ruleId] = setting;
  }
  return settings;
}

function validateRuleSetting(rule: AnyRule, value: unknown, problems: ConfigProblem[]): RuleSetting | undefined {
  const path: ConfigPath = ['rules', rule.id];
  // YAML 1.1 readers (and habit) turn a bare `off` into false; accept it rather than surprise people.
  if (value === false) return 'off';
  if (typeof value === 'string' && RULE_LEVELS.includes(value)) return value as RuleSetting;
  if (!isPlainObject(value)) {
    problems.push({ path, at: 'value', message: severityMessage(rule.id, value) });
    return undefined;
  }
  const setting: { severity?: Severity | 'off'; options?: RuleOptionValues } = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'severity') {
      if (entry === false) setting.severity = 'off';
      else if (typeof entry === 'string' && RULE_LEVELS.includes(entry)) setting.severity = entry as Severity | 'off';
      else problems.push({ path: [...path, 'severity'], at: 'value', message: severityMessage(rule.id, entry) });
    } else if (key === 'options') {
      const options = validateOptions(rule, entry, [...path, 'options'], problems);
      if (options) setting.options = options;
    } else {
      problems.push({ path: [...path, key], at: 'key', message: {
        en: `Unknown key "${key}" in the setting of ${rule.id}; use "severity" and "options".`,
        ja: `${rule.id} の設定に不明なキー "${key}" があります。"severity" と "options" を使ってください。`,
      } });
    }
  }
  return setting;
}

function severityMessage(ruleId: string, value: unknown): LocalizedText {
  return {
    en: `${ruleId} takes "off", "error", "warning", "info", "hint" or { severity, options }, not ${describe(value)}.`,
    ja: `${ruleId} には "off"、"error"、"warning"、"info"、"hint" または { severity, options } を指定してください（今は ${describe(value)}）。`,
  };
}

function validateOptions(rule: AnyRule, value: unknown, path: ConfigPath, problems: ConfigProblem[]): RuleOptionValues | undefined {
  const declared = rule.options ?? {};
  const names = Object.keys(declared);
  if (!isPlainObject(value)) {
    problems.push({ path, at: 'value', message: {
      en: `"options" of ${rule.id} must be a mapping${names.length ? ` of ${names.join(', ')}` : ''}, not ${describe(value)}.`,
      ja: `${rule.id} の "options" はマッピングにしてください${names.length ? `（${names.join('、')}）` : ''}（今は ${describe(value)}）。`,
    } });
    return undefined;
  }
  const options: RuleOptionValues = {};
  for (const [name, entry] of Object.entries(value)) {
    const option = declared[name];
    if (!option) {
      problems.push({ path: [...path, name], at: 'key', message: names.length > 0
        ? { en: `${rule.id} has no option "${name}"; its options are ${names.join(', ')}.`, ja: `${rule.id} にオプション "${name}" はありません。使えるのは ${names.join('、')} です。` }
        : { en: `${rule.id} has no options.`, ja: `${rule.id} にはオプションがありません。` } });
      continue;
    }
    if (optionValueFits(option, entry)) options[name] = entry as RuleOptionValues[string];
    else problems.push({ path: [...path, name], at: 'value', message: {
      en: `Option "${name}" of ${rule.id} takes ${expected(option)}, not ${describe(entry)}.`,
      ja: `${rule.id} のオプション "${name}" には ${expected(option)} を指定してください（今は ${describe(entry)}）。`,
    } });
  }
  return options;
}

function optionValueFits(option: RuleOption, value: unknown): boolean {
  switch (option.type) {
    case 'array':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === option.type;
  }
}

function expected(option: RuleOption): string {
  return option.type === 'array' ? 'a list of strings' : `a ${option.type}`;
}

function validateExclude(value: unknown, problems: ConfigProblem[]): string[] {
  if (value === null || value === undefined) return [];
  const items = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(items)) {
    problems.push({ path: ['exclude'], at: 'value', message: {
      en: `"exclude" must be a list of glob patterns, not ${describe(value)}.`,
      ja: `"exclude" は glob パターンのリストにしてください（今は ${describe(value)}）。`,
    } });
    return [];
  }
  const patterns: string[] = [];
  items.forEach((item: unknown, index) => {
    const path: ConfigPath = typeof value === 'string' ? ['exclude'] : ['exclude', index];
    const problem = typeof item === 'string' ? globProblem(item) : { en: `${describe(item)} is not a pattern`, ja: `${describe(item)} はパターンではありません` };
    if (problem === undefined) patterns.push(item as string);
    else problems.push({ path, at: 'value', message: { en: `Exclude pattern skipped: ${problem.en}.`, ja: `除外パターンを無視しました: ${problem.ja}。` } });
  });
  return patterns;
}

function validateSuppressions(value: unknown, problems: ConfigProblem[]): Partial<SuppressionSettings> {
  const settings: Partial<SuppressionSettings> = {};
  if (value === null || value === undefined) return settings;
  if (!isPlainObject(value)) {
    problems.push({ path: ['suppressions'], at: 'value', message: {
      en: `"suppressions" must be a mapping with ${SUPPRESSION_KEYS.join(' and ')}, not ${describe(value)}.`,
      ja: `"suppressions" は ${SUPPRESSION_KEYS.join(' と ')} を持つマッピングにしてください（今は ${describe(value)}）。`,
    } });
    return settings;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (!(SUPPRESSION_KEYS as readonly string[]).includes(key)) {
      problems.push({ path: ['suppressions', key], at: 'key', message: {
        en: `Unknown key "${key}" in "suppressions"; use ${SUPPRESSION_KEYS.join(' or ')}.`,
        ja: `"suppressions" に不明なキー "${key}" があります。${SUPPRESSION_KEYS.join(' か ')} を使ってください。`,
      } });
    } else if (typeof entry !== 'boolean') {
      problems.push({ path: ['suppressions', key], at: 'value', message: {
        en: `"${key}" takes true or false, not ${describe(entry)}.`,
        ja: `"${key}" には true か false を指定してください（今は ${describe(entry)}）。`,
      } });
    } else {
      settings[key as keyof SuppressionSettings] = entry;
    }
  }
  return settings;
}

/** The known rule id a typo most likely meant: same name in another language, or a few edits away. */
export function closestRuleId(ruleId: string, rules: readonly AnyRule[]): string | undefined {
  const name = ruleId.slice(ruleId.indexOf('/') + 1);
  const sameName = rules.find((rule) => rule.id.slice(rule.id.indexOf('/') + 1) === name);
  if (sameName) return sameName.id;
  let best: { id: string; distance: number } | undefined;
  for (const rule of rules) {
    const distance = editDistance(ruleId, rule.id);
    if (distance <= Math.max(2, Math.floor(ruleId.length / 6)) && (!best || distance < best.distance)) best = { id: rule.id, distance };
  }
  return best?.id;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_unused, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
