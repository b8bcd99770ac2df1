import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AnyRule } from './engine/rule';
import {
  exclusionOf, findConfigFile, mergeConfig, parentFolder, parseConfigText,
  type ConfigLayer, type EffectiveConfig, type PlacedLayer, type PositionedConfigProblem,
} from './engine/config';

/** Configuration files larger than this are not read: a real one is a few hundred bytes. */
const MAX_CONFIG_BYTES = 256 * 1024;

export interface LoadedConfigFile {
  path: string;
  layer: ConfigLayer;
  problems: PositionedConfigProblem[];
}

export interface ResolveOptions {
  /** The workspace folder holding the file: the lookup stops there. */
  workspaceRoot?: string;
  /** The editor's settings, highest precedence; their exclude patterns are relative to `workspaceRoot`. */
  settings?: ConfigLayer;
  /** A configuration file named explicitly (`--config`): used for every file instead of the lookup. */
  explicitConfig?: string;
}

export interface ResolvedConfig {
  config: EffectiveConfig;
  /** The repository file that applied, if any. */
  file: LoadedConfigFile | undefined;
  /** Which pattern excluded the file, when one did. */
  excludedBy: { pattern: string; origin: string } | undefined;
}

/**
 * Finds, reads and caches `.infracoach.yaml` files for the CLI and the language server. Text comes from
 * `readText` (the server passes open editor buffers first), so an unsaved edit to the file applies at once.
 */
export class ConfigStore {
  private readonly cache = new Map<string, { text: string; loaded: LoadedConfigFile }>();

  constructor(
    private readonly rules: readonly AnyRule[],
    private readonly readText: (path: string) => string | undefined = readSmallFile,
    private readonly exists: (path: string) => boolean = existsSync,
  ) {}

  /** Forgets cached files (all of them without a path), after the file changed on disk or in the editor. */
  invalidate(path?: string): void {
    if (path === undefined) this.cache.clear();
    else this.cache.delete(path);
  }

  load(path: string): LoadedConfigFile | undefined {
    const text = this.readText(path);
    if (text === undefined) {
      this.cache.delete(path);
      return undefined;
    }
    const cached = this.cache.get(path);
    if (cached && cached.text === text) return cached.loaded;
    const { layer, problems } = parseConfigText(text, this.rules);
    const loaded = { path, layer, problems };
    this.cache.set(path, { text, loaded });
    return loaded;
  }

  /** Every configuration file read so far, for publishing their problems. */
  loadedFiles(): LoadedConfigFile[] {
    return [...this.cache.values()].map((entry) => entry.loaded);
  }

  resolve(filePath: string, options: ResolveOptions = {}): ResolvedConfig {
    const configPath = options.explicitConfig ?? findConfigFile(filePath, {
      exists: this.exists,
      isBoundary: (folder) => options.workspaceRoot !== undefined && samePath(folder, options.workspaceRoot),
    });
    const file = configPath === undefined ? undefined : this.load(configPath);
    const layers: PlacedLayer[] = [];
    if (file) layers.push({ layer: file.layer, base: parentFolder(file.path), origin: file.path });
    if (options.settings) layers.push({ layer: options.settings, base: options.workspaceRoot, origin: 'infracoach.exclude' });
    const config = mergeConfig(layers);
    return { config, file, excludedBy: exclusionOf(filePath, config) };
  }
}

function samePath(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

function readSmallFile(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

