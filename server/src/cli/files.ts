import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectLanguage } from '../engine/detect';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform']);

export interface FileProblem {
  path: string;
  message: string;
}

/** Files to check under the given paths; explicit files are taken as they are, folders are searched for our languages. */
export function collectFiles(paths: string[]): { files: string[]; problems: FileProblem[] } {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const visited = new Set<string>();
  const walk = (folder: string) => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch (error) {
      problems.push({ path: folder, message: (error as Error).message });
      return;
    }
    // A symlink loop would otherwise walk forever.
    if (visited.has(real)) return;
    visited.add(real);
    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch (error) {
      problems.push({ path: folder, message: (error as Error).message });
      return;
    }
    for (const name of entries) {
      const path = join(folder, name);
      let isFolder = false;
      try {
        isFolder = statSync(path).isDirectory();
      } catch (error) {
        // A broken link or a link loop: say so when it looks like a file we would have checked.
        if (isCandidate(path)) problems.push({ path, message: `skipped: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
        continue;
      }
      if (isFolder) {
        if (!SKIPPED_FOLDERS.has(name)) walk(path);
      } else if (isCandidate(path)) {
        files.push(path);
      }
    }
  };
  for (const given of paths) {
    const path = resolve(given);
    try {
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    } catch (error) {
      problems.push({ path: given, message: (error as Error).message });
    }
  }
  return { files: [...new Set(files)], problems };
}

function isCandidate(path: string): boolean {
  const normalized = path.replace(/\\/g, '/');
  return detectLanguage(normalized) !== undefined;
}
