import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder of Infra Coach's package.json: the repository when run from source, the extension or npm
 * package when bundled (dist/ sits directly below it). Skill pages and rule docs are read relative to it.
 */
export function packageRoot(start: string = __dirname): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'infracoach') return folder;
      } catch {
        // An unreadable package.json on the way up is not ours; keep looking.
      }
    }
    if (dirname(folder) === folder) return undefined;
  }
}
