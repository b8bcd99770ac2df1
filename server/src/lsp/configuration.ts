import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES, isConfigFileName } from '../engine/config';
import type { LintSettings } from '../engine/engine';
import { CONFIG_PROBLEM_ID, findMetaCheck } from '../engine/meta-checks';
import { docsUrl, type AnyRule } from '../engine/rule';
import type { Locale } from '../engine/types';
import { ConfigStore, type LoadedConfigFile, type ResolvedConfig } from '../node-config';
import { toDiagnostic } from './diagnostics';
import { defaultEditorSettings, type EditorSettings } from './settings';
import { pathOfUri } from './uri';

/** Closed files larger than this are not read for re-checks (the engine skips them anyway). */
const MAX_CLOSED_FILE_BYTES = 8 * 1024 * 1024;

/** Text of a closed file, or undefined when it is missing, unreadable or too large to check. */
export function readClosedFile(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_CLOSED_FILE_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * The configuration as the language server sees it: editor settings over the nearest `.infracoach.yaml`
 * (read from the open buffer when the file is being edited), per workspace folder.
 */
export class WorkspaceConfiguration {
  settings: EditorSettings = defaultEditorSettings();
  private folders: string[] = [];
  private readonly store: ConfigStore;
  /** Config files whose diagnostics we published, with what we sent, to clear or skip repeats. */
  private readonly publishedProblems = new Map<string, string>();

  constructor(rules: readonly AnyRule[], openText: (path: string) => string | undefined, readDisk: (path: string) => string | undefined) {
    this.store = new ConfigStore(rules, (path) => openText(path) ?? readDisk(path));
  }

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map((uri) => pathOfUri(uri).replace(/\/+$/, '')).filter((path) => path.length > 0);
  }

  workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** The workspace folder holding a file (the innermost, for nested folders). */
  workspaceRootOf(path: string): string | undefined {
    return this.folders.filter((folder) => path === folder || path.startsWith(`${folder}/`)).sort((a, b) => b.length - a.length)[0];
  }

  resolve(path: string): ResolvedConfig {
    return this.store.resolve(path, { workspaceRoot: this.workspaceRootOf(path), settings: this.settings.layer });
  }

  lintSettings(resolved: ResolvedConfig, locale: Locale): LintSettings {
    return { locale, rules: resolved.config.rules, suppressions: resolved.config.suppressions, maxFileSize: this.settings.maxFileSize };
  }

  /** A config file changed (on disk or in the editor) or disappeared: re-read it now so its problems show at once. */
  configFileChanged(path: string): void {
    this.store.invalidate(path);
    this.store.load(path);
  }

  /** Where "Turn off in this repository" writes: the nearest existing file, else the workspace folder (or the file's folder). */
  configTargetFor(path: string): string {
    const resolved = this.resolve(path);
    if (resolved.file) return resolved.file.path;
    const folder = this.workspaceRootOf(path) ?? path.slice(0, path.lastIndexOf('/'));
    return `${folder}/${CONFIG_FILE_NAMES[0]}`;
  }

  isConfigFile(path: string): boolean {
    return isConfigFileName(path);
  }

  loadConfigFile(path: string): LoadedConfigFile | undefined {
    return this.store.load(path);
  }

  /**
   * Diagnostics for every configuration file read so far whose problems changed since last time (and empty
   * ones for files that went away or were fixed), so a broken file is visible even while it is closed.
   * `always` names a file to include even when unchanged: an open configuration document gets an answer to each edit.
   */
  configDiagnostics(locale: Locale, always?: string): { uri: string; diagnostics: Diagnostic[] }[] {
    const updates: { uri: string; diagnostics: Diagnostic[] }[] = [];
    const current = new Map<string, Diagnostic[]>();
    const severity = findMetaCheck(CONFIG_PROBLEM_ID)!.severity;
    for (const file of this.store.loadedFiles()) {
      current.set(uriOfPath(file.path), file.problems.map((problem) => toDiagnostic({
        ruleId: CONFIG_PROBLEM_ID, severity, message: problem.message[locale], skill: '', range: problem.range, docsUrl: docsUrl(CONFIG_PROBLEM_ID),
      })));
    }
    for (const [uri, diagnostics] of current) {
      const key = JSON.stringify(diagnostics);
      if (this.publishedProblems.get(uri) === key && uri !== always) continue;
      this.publishedProblems.set(uri, key);
      updates.push({ uri, diagnostics });
    }
    for (const uri of [...this.publishedProblems.keys()]) {
      if (current.has(uri)) continue;
      this.publishedProblems.delete(uri);
      updates.push({ uri, diagnostics: [] });
    }
    return updates;
  }

  /** Forget what was published, so the next `configDiagnostics` sends everything again (the locale changed). */
  republishAll(): void {
    this.publishedProblems.clear();
  }
}
