import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectLanguage } from '../../../server/src/engine/detect';
import type { Language } from '../../../server/src/engine/types';

export const REPO_ROOT = resolve(__dirname, '../../..');
/** The shared corpus of real files, beside the repository (`../shared/corpus`); optional. */
export const CORPUS_ROOT = resolve(REPO_ROOT, '../shared/corpus');

export interface Seed {
  /** Real path, so rules that read sibling files see the seed's real neighbours. */
  path: string;
  language: Language;
  /** Passed to the engine for files whose names alone do not say (corpus Dockerfiles named `18__trixie__Dockerfile`). */
  languageId: string;
  text: string;
}

const LANGUAGE_IDS: Record<Language, string> = { dockerfile: 'dockerfile', kubernetes: 'yaml', terraform: 'terraform' };
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform']);

function walk(folder: string, visit: (path: string) => void): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder).sort()) {
    if (SKIPPED_FOLDERS.has(name)) continue;
    const path = join(folder, name);
    const stats = statSync(path);
    if (stats.isDirectory()) walk(path, visit);
    else if (stats.isFile()) visit(path);
  }
}

function seedAt(path: string, language: Language | undefined, maxBytes: number): Seed | undefined {
  if (!language || statSync(path).size > maxBytes) return undefined;
  const text = readFileSync(path, 'utf8');
  return { path: path.replace(/\\/g, '/'), language, languageId: LANGUAGE_IDS[language], text };
}

/** Fixture folders of the test suite (any `fixtures` folder under test/), which other helpers may add. */
function fixtureFolders(): string[] {
  const folders: string[] = [];
  const look = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (!statSync(path).isDirectory()) continue;
      if (name === 'fixtures') folders.push(path);
      else look(path);
    }
  };
  look(join(REPO_ROOT, 'test'));
  return folders;
}

/**
 * Every seed file: the shared corpus (when present), the examples and the test fixtures, sorted by path so
 * the seeded fuzzer picks the same files in every run.
 */
export function loadSeeds(maxBytes: number): { seeds: Seed[]; corpusFound: boolean } {
  const seeds: Seed[] = [];
  const corpusFound = existsSync(CORPUS_ROOT);
  for (const language of ['dockerfile', 'kubernetes', 'terraform'] as const) {
    walk(join(CORPUS_ROOT, language), (path) => {
      // Corpus Dockerfiles carry their origin in the name; every file in that folder is one.
      const detected = language === 'dockerfile' ? (path.endsWith('.md') || path.endsWith('.tsv') ? undefined : 'dockerfile') : detectLanguage(path);
      const seed = seedAt(path, detected === language ? language : undefined, maxBytes);
      if (seed) seeds.push(seed);
    });
  }
  for (const folder of [join(REPO_ROOT, 'examples'), ...fixtureFolders()]) {
    walk(folder, (path) => {
      const seed = seedAt(path, detectLanguage(path.replace(/\\/g, '/')), maxBytes);
      if (seed) seeds.push(seed);
    });
  }
  seeds.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { seeds, corpusFound };
}
