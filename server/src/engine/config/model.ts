import type { RuleSetting } from '../engine';
import type { LocalizedText, Range } from '../types';

/** Names of the repository configuration file, looked up from a file's folder towards the workspace root. */
export const CONFIG_FILE_NAMES = ['.infracoach.yaml', '.infracoach.yml'] as const;

export function isConfigFileName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

export interface SuppressionSettings {
  /** Report inline suppressions that give no `-- reason`. */
  requireReason: boolean;
  /** Report inline suppressions that silence nothing. */
  reportUnused: boolean;
}

export const DEFAULT_SUPPRESSION_SETTINGS: SuppressionSettings = { requireReason: false, reportUnused: true };

/** What one source (the repository file or the editor settings) says, after validation. */
export interface ConfigLayer {
  rules: Record<string, RuleSetting>;
  exclude: string[];
  suppressions: Partial<SuppressionSettings>;
}

export function emptyLayer(): ConfigLayer {
  return { rules: {}, exclude: [], suppressions: {} };
}

/** Exclude patterns with the folder they are relative to and where they were written, for the status message. */
export interface ExcludeSource {
  /** Absolute `/`-separated folder; undefined when there is none (patterns then match at any depth only). */
  base: string | undefined;
  patterns: string[];
  origin: string;
}

export interface EffectiveConfig {
  rules: Record<string, RuleSetting>;
  exclude: ExcludeSource[];
  suppressions: SuppressionSettings;
}

/** Keys and indexes from the root of the configuration to the offending entry. */
export type ConfigPath = (string | number)[];

export interface ConfigProblem {
  path: ConfigPath;
  /** Whether the key itself is wrong (unknown rule, unknown option) or its value. */
  at: 'key' | 'value';
  message: LocalizedText;
}

/** A problem placed in the configuration file's text. */
export interface PositionedConfigProblem extends ConfigProblem {
  range: Range;
}
