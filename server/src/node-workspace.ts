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
