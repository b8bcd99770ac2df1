import { DEFAULT_SUPPRESSION_SETTINGS, validateConfig, type ConfigLayer, type ConfigProblem } from '../engine/config';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/limits';
import type { AnyRule } from '../engine/rule';
import type { Locale } from '../engine/types';


/** The `infracoach.*` settings, read from the client (pulled with `workspace/configuration`). */
export interface EditorSettings {
  enable: boolean;
  language: 'auto' | Locale;
  checkWorkspaceOnStartup: boolean;
  maxFileSize: number;
  /** `rules`, `exclude` and `suppressions`, validated like `.infracoach.yaml` and taking precedence over it. */
  layer: ConfigLayer;
  /** Invalid entries (left out); shown to the user since settings have no file to put diagnostics on. */
  problems: ConfigProblem[];
}

export function defaultEditorSettings(): EditorSettings {
  return {
    enable: true, language: 'auto', checkWorkspaceOnStartup: false, maxFileSize: DEFAULT_MAX_FILE_SIZE,
    layer: { rules: {}, exclude: [], suppressions: {} }, problems: [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the `infracoach` section, keeping the defaults for anything missing or of the wrong type. */
export function readEditorSettings(section: unknown, rules: readonly AnyRule[]): EditorSettings {
  const settings = defaultEditorSettings();
  if (!isRecord(section)) return settings;
  if (typeof section.enable === 'boolean') settings.enable = section.enable;
  if (section.language === 'auto' || section.language === 'en' || section.language === 'ja') settings.language = section.language;
  if (typeof section.checkWorkspaceOnStartup === 'boolean') settings.checkWorkspaceOnStartup = section.checkWorkspaceOnStartup;
  if (typeof section.maxFileSize === 'number' && section.maxFileSize > 0) settings.maxFileSize = section.maxFileSize;
  // VS Code nests dotted keys (`infracoach.suppressions.requireReason` arrives as `suppressions.requireReason`).
  const configLike: Record<string, unknown> = {};
  for (const key of ['rules', 'exclude', 'suppressions'] as const) {
    const value = section[key];
    // Empty defaults (`{}`, `[]`) say nothing; leaving them out keeps the repository file's values.
    if (value === undefined || value === null) continue;
    if (key === 'suppressions' && isRecord(value)) {
      // The client reports defaults as values; a setting left at its default defers to the repository file.
      const defaults: Record<string, unknown> = { ...DEFAULT_SUPPRESSION_SETTINGS };
      const defined = Object.fromEntries(Object.entries(value).filter(([name, entry]) => entry !== undefined && entry !== null && entry !== defaults[name]));
      if (Object.keys(defined).length > 0) configLike[key] = defined;
      continue;
    }
    configLike[key] = value;
  }
  const { layer, problems } = validateConfig(configLike, rules);
  settings.layer = layer;
  settings.problems = problems;
  return settings;
}

/** The log lines (`infracoach.rules.x: …`, one per problem) and the one-line message shown to the user. */
export function settingsWarning(problems: readonly ConfigProblem[], locale: Locale): { lines: string[]; message: string } | undefined {
  if (problems.length === 0) return undefined;
  const lines = problems.map((problem) => `infracoach.${problem.path.join('.')}: ${problem.message[locale]}`);
  const summary = locale === 'ja' ? `Infra Coach の設定に問題があります（該当項目は無視します）: ${lines[0]}` : `Infra Coach ignored invalid settings: ${lines[0]}`;
  return { lines, message: lines.length > 1 ? `${summary} (+${lines.length - 1})` : summary };
}
