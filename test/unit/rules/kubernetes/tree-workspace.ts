import type { WorkspaceView } from '../../../../server/src/engine/types';

/** An in-memory folder tree: unlike memoryWorkspace it lists subfolders too, as an editor's file system does. */
export function treeWorkspace(files: Record<string, string>): WorkspaceView & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    listFolder(folder) {
      const prefix = `${folder}/`;
      const children = new Set<string>();
      for (const path of Object.keys(files)) {
        if (!path.startsWith(prefix)) continue;
        const rest = path.slice(prefix.length);
        children.add(prefix + rest.split('/')[0]);
      }
      return [...children];
    },
    readFile(path) {
      reads.push(path);
      return files[path];
    },
  };
}
