import type { RuleSetting } from '../engine';
import type { RuleOptionValues, Severity } from '../types';
import { firstMatchingGlob } from './glob';
import { CONFIG_FILE_NAMES, DEFAULT_SUPPRESSION_SETTINGS, type ConfigLayer, type EffectiveConfig, type ExcludeSource } from './model';

export interface PlacedLayer {
  layer: ConfigLayer;
  /** Folder the layer's exclude patterns are relative to. */
  base: string | undefined;
  /** Shown when a file is excluded: the config file's path or "settings". */
  origin: string;
}

/**
 * Combines layers, lowest precedence first (defaults < repository file < workspace settings).
 * A rule's severity comes from the last layer that sets one; its options merge key by key, so settings can
 * change one option without repeating the file's others. Exclude patterns accumulate: any layer may exclude.
 */
export function mergeConfig(layers: readonly PlacedLayer[]): EffectiveConfig {
  const rules: Record<string, RuleSetting> = {};
  const exclude: ExcludeSource[] = [];
  let suppressions = { ...DEFAULT_SUPPRESSION_SETTINGS };
  for (const { layer, base, origin } of layers) {
    for (const [ruleId, setting] of Object.entries(layer.rules)) rules[ruleId] = mergeRuleSetting(rules[ruleId], setting);
    if (layer.exclude.length > 0) exclude.push({ base, patterns: layer.exclude, origin });
    suppressions = { ...suppressions, ...layer.suppressions };
  }
  return { rules, exclude, suppressions };
}

function normalize(setting: RuleSetting | undefined): { severity?: Severity | 'off'; options?: RuleOptionValues } {
  if (setting === undefined) return {};
  return typeof setting === 'string' ? { severity: setting } : setting;
}

function mergeRuleSetting(lower: RuleSetting | undefined, higher: RuleSetting): RuleSetting {
  const below = normalize(lower);
  const above = normalize(higher);
  const severity = above.severity ?? below.severity;
  const options = below.options || above.options ? { ...below.options, ...above.options } : undefined;
  if (!options) return severity ?? {};
  return { ...(severity ? { severity } : {}), options };
}

/** Path of `path` relative to `base`, `/`-separated; undefined when it lies outside. */
export function relativeTo(base: string, path: string): string | undefined {
  const folder = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(folder) ? path.slice(folder.length) : undefined;
}

/** Which pattern (and which source) excludes a file, if any. */
export function exclusionOf(path: string, config: Pick<EffectiveConfig, 'exclude'>): { pattern: string; origin: string } | undefined {
  for (const source of config.exclude) {
    // Without a base folder only the file's own name and folders can be compared, which unanchored patterns do.
    const relative = source.base === undefined ? path.replace(/^\/+/, '') : relativeTo(source.base, path);
    if (relative === undefined) continue;
    const pattern = firstMatchingGlob(source.patterns, relative);
    if (pattern !== undefined) return { pattern, origin: source.origin };
  }
  return undefined;
}

export function parentFolder(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return undefined;
  if (slash === 0) return path === '/' ? undefined : '/';
  // `c:/` is a drive root; keep its slash so it stays a folder.
  return /^[A-Za-z]:$/.test(path.slice(0, slash)) ? path.slice(0, slash + 1) : path.slice(0, slash);
}

export interface ConfigLookup {
  exists(path: string): boolean;
  /** Folders where the search stops after looking (the workspace root); the repository root (`.git`) also stops it. */
  isBoundary(folder: string): boolean;
}

/** The nearest `.infracoach.yaml`/`.yml`, searching from the file's folder up to the workspace or repository root. */
export function findConfigFile(filePath: string, lookup: ConfigLookup): string | undefined {
  let folder = parentFolder(filePath);
  while (folder !== undefined) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
      if (lookup.exists(candidate)) return candidate;
    }
    if (lookup.isBoundary(folder) || lookup.exists(folder.endsWith('/') ? `${folder}.git` : `${folder}/.git`)) return undefined;
    const parent = parentFolder(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
  return undefined;
}
