import { pathOfUri } from './uri';

/**
 * The open documents a change on disk can affect. Workspace rules read the document's own folder and below
 * (module siblings, the .dockerignore beside a Dockerfile, manifests in subfolders), so only documents in a
 * folder at or above a changed file need checking again.
 */
export function affectedByNeighbours(changedFolders: ReadonlySet<string>, openUris: readonly string[]): string[] {
  return openUris.filter((uri) => {
    const path = pathOfUri(uri);
    const folder = path.slice(0, path.lastIndexOf('/'));
    for (const changed of changedFolders) if (changed === folder || changed.startsWith(`${folder}/`)) return true;
    return false;
  });
}
