import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceView } from './engine/types';

/** Largest neighbouring file a workspace rule may read; bigger ones are treated as absent. */
const MAX_NEIGHBOUR_BYTES = 2 * 1024 * 1024;

/**
 * The workspace as the file system shows it, with open editor buffers taking precedence over disk
 * so that rules see what the user is typing in other tabs.
 */
export function fileSystemWorkspace(openText: (path: string) => string | undefined = () => undefined): WorkspaceView {
  return {
    listFolder(folder) {
      try {
        return readdirSync(folder).map((name) => join(folder, name).replace(/\\/g, '/'));
      } catch {
        return [];
      }
    },
    readFile(path) {
      const open = openText(path);
      if (open !== undefined) return open;
      try {
        if (statSync(path).size > MAX_NEIGHBOUR_BYTES) return undefined;
        const text = readFileSync(path, 'utf8');
        return text.includes('\0') ? undefined : text;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Remembers what the file system said for a while. Workspace rules ask for the same neighbours on every lint:
 * a CI run over a thousand files (files do not change under it: `maxAgeMs` Infinity) or every keystroke in the
 * editor (a short age, so a file saved elsewhere is seen within moments, or a long one where a file watcher reports
 * changes and `invalidate` drops them at once). Open buffers are never cached.
 */
/**
 * What the cache may hold: a long editor session visits many folders, and a CI run over a monorepo reads every
 * file; least recently used first out beyond these.
 */
export interface WorkspaceCacheLimits {
  maxChars: number;
  maxFolders: number;
}

const DEFAULT_LIMITS: WorkspaceCacheLimits = { maxChars: 32 * 1024 * 1024, maxFolders: 10_000 };

export function cachedWorkspace(
  view: WorkspaceView,
  maxAgeMs: number | (() => number),
  openText: (path: string) => string | undefined = () => undefined,
  now: () => number = Date.now,
  limits: WorkspaceCacheLimits = DEFAULT_LIMITS,
): WorkspaceView & { invalidate(path?: string): void } {
  const folders = new Map<string, { at: number; entries: string[] }>();
  const files = new Map<string, { at: number; text: string | undefined }>();
  let cachedChars = 0;
  const maxAge = typeof maxAgeMs === 'number' ? () => maxAgeMs : maxAgeMs;
  const fresh = (at: number) => now() - at <= maxAge();
  const dropFile = (path: string) => {
    cachedChars -= files.get(path)?.text?.length ?? 0;
    files.delete(path);
  };
  return {
    listFolder(folder) {
      const hit = folders.get(folder);
      folders.delete(folder);
      if (hit && fresh(hit.at)) {
        folders.set(folder, hit);
        return hit.entries;
      }
      const entries = view.listFolder(folder);
      folders.set(folder, { at: now(), entries });
      for (const oldest of folders.keys()) {
        if (folders.size <= limits.maxFolders) break;
        folders.delete(oldest);
      }
      return entries;
    },
    readFile(path) {
      const open = openText(path);
      if (open !== undefined) return open;
      const hit = files.get(path);
      if (hit && fresh(hit.at)) {
        // Re-inserted: the map's order is the order of last use.
        files.delete(path);
        files.set(path, hit);
        return hit.text;
      }
      dropFile(path);
      const text = view.readFile(path);
      files.set(path, { at: now(), text });
      cachedChars += text?.length ?? 0;
      for (const oldest of files.keys()) {
        if (cachedChars <= limits.maxChars || oldest === path) break;
        dropFile(oldest);
      }
      return text;
    },
    invalidate(path) {
      if (path === undefined) {
        folders.clear();
        files.clear();
        cachedChars = 0;
        return;
      }
      // A deleted or renamed folder is reported by its own path: what was cached below it goes too.
      const below = `${path}/`;
      for (const key of [...files.keys()]) if (key === path || key.startsWith(below)) dropFile(key);
      for (const key of [...folders.keys()]) if (key === path || key.startsWith(below)) folders.delete(key);
      folders.delete(path.slice(0, path.lastIndexOf('/')));
    },
  };
}
