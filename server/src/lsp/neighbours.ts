/**
 * The files a change on disk can affect, among those given (open documents, closed files the workspace check
 * covered). Workspace rules read the file's own folder and below (module siblings, the .dockerignore beside a
 * Dockerfile, manifests in subfolders), so only files in a folder at or above a changed file need checking again.
 */
export function affectedByNeighbours(changedFolders: ReadonlySet<string>, paths: Iterable<string>): string[] {
  const affected: string[] = [];
  for (const path of paths) {
    const folder = path.slice(0, path.lastIndexOf('/'));
    for (const changed of changedFolders) {
      if (changed === folder || changed.startsWith(`${folder}/`)) {
        affected.push(path);
        break;
      }
    }
  }
  return affected;
}
