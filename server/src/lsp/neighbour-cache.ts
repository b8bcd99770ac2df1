import type { WorkspaceView } from '../engine/types';
import { cachedWorkspace, fileSystemWorkspace } from '../node-workspace';

/** How long a neighbouring file read from disk is trusted before it is read again, when no watcher reports changes. */
const UNWATCHED_AGE_MS = 2_000;
/**
 * The same with a client that reports file changes (`initializationOptions.watchesNeighbourFiles`): each report
 * drops what it names at once, so the age is only a safety net for a change a watcher missed.
 */
const WATCHED_AGE_MS = 60_000;

export type NeighbourCache = WorkspaceView & {
  invalidate(path?: string): void;
  /** The client reports changes to the files workspace rules read: trust what was read for longer. */
  watchedByClient(): void;
};

/**
 * The files around the open documents, as workspace rules read them (module siblings, a `.dockerignore`,
 * manifests of the folder): open buffers first, then the disk, reused for a while so a burst of keystrokes does
 * not rescan the folder each time.
 */
export function neighbourCache(openText: (path: string) => string | undefined): NeighbourCache {
  let age = UNWATCHED_AGE_MS;
  const cache = cachedWorkspace(fileSystemWorkspace(), () => age, openText);
  return Object.assign(cache, {
    watchedByClient: () => {
      age = WATCHED_AGE_MS;
    },
  });
}
