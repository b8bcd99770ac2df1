import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectLanguage } from '../server/src/engine/detect';
import type { Language } from '../server/src/engine/types';

/** `INFRACOACH_CORPUS` points elsewhere (or nowhere, to check the benchmark without it). */
export const CORPUS_ROOT = process.env.INFRACOACH_CORPUS ?? resolve(__dirname, '../../shared/corpus');

export interface CorpusFile {
  path: string;
  text: string;
  language: Language;
}

/** Every corpus file our CLI would check, grouped by language; empty when the shared corpus is absent. */
export function loadCorpus(): Record<Language, CorpusFile[]> {
  const byLanguage: Record<Language, CorpusFile[]> = { dockerfile: [], kubernetes: [], terraform: [] };
  if (!existsSync(CORPUS_ROOT)) return byLanguage;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const language = detectLanguage(path);
        if (language) byLanguage[language].push({ path, text: readFileSync(path, 'utf8'), language });
      }
    }
  };
  walk(CORPUS_ROOT);
  return byLanguage;
}

export function bytesOf(files: CorpusFile[]): number {
  return files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
}
