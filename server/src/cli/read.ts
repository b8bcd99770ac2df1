import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/limits';
import type { Locale } from '../engine/types';

export type SourceRead =
  | { kind: 'text'; text: string }
  /** Binary content: skipped without a word, like the editor does. */
  | { kind: 'binary' }
  | { kind: 'problem'; message: string };

const MESSAGES = {
  notFile: { en: 'skipped: not a regular file', ja: 'スキップ: 通常のファイルではありません' },
  tooLarge: { en: 'skipped: larger than {size} MB', ja: 'スキップ: {size} MB を超えています' },
  notUtf8: { en: 'skipped: not valid UTF-8 text', ja: 'スキップ: UTF-8 のテキストではありません' },
  unreadable: { en: 'skipped: cannot be read ({reason})', ja: 'スキップ: 読み取れません（{reason}）' },
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a file the CLI was asked to check, refusing what it cannot check safely: FIFOs and devices (reading one
 * would block or never end), files above the size limit (checked before reading), binary files and text that
 * is not UTF-8 (decoding it would silently replace bytes and shift every column).
 */
export function readSourceFile(path: string, locale: Locale, maxFileSize: number = DEFAULT_MAX_FILE_SIZE): SourceRead {
  const say = (message: { en: string; ja: string }, values: Record<string, string> = {}) =>
    ({ kind: 'problem', message: message[locale].replace(/\{(\w+)\}/g, (_whole, name: string) => values[name] ?? '') }) as const;
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return say(MESSAGES.notFile);
    if (stats.size > maxFileSize) return say(MESSAGES.tooLarge, { size: String(Math.round((maxFileSize / 1048576) * 10) / 10) });
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return say(MESSAGES.unreadable, { reason: code ?? (error as Error).message });
  }
  if (bytes.includes(0)) return { kind: 'binary' };
  try {
    return { kind: 'text', text: utf8.decode(bytes) };
  } catch {
    return say(MESSAGES.notUtf8);
  }
}
