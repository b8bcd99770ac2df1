import type { Language } from '../../../server/src/engine/types';
import type { Random } from './random';

/**
 * Mutations of a seed file, modelled on what an editor actually holds between keystrokes (half-written lines,
 * pasted fragments, odd encodings) and on what an attacker could put in a repository (deep nesting, huge lines).
 */
export interface MutationContext {
  language: Language;
  /** Text of another seed of the same language, for splicing. */
  donor: string;
}

type Mutator = (text: string, random: Random, context: MutationContext) => string;

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

function insertAt(text: string, offset: number, inserted: string): string {
  return text.slice(0, offset) + inserted + text.slice(offset);
}

/** Characters that trip up offset arithmetic and naive scanners. */
const HOSTILE_CHARACTERS = [
  '\ud800', '\udbff', '\udc00', '\udfff', // lone surrogates
  '😀', '👩‍👩‍👧', '𝒳', // astral characters and a zero-width-joined sequence
  '\u202e', '\u202d', '\u200f', '\u200e', '\u061c', 'مرحبا', 'שלום', // right-to-left text and controls
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', // zero-width characters and a BOM
  '\0', '\x01', '\x1b[31m', '\x7f', '\t', '\r', '\v', '\f', // controls, NUL, a lone CR
  '\u2028', '\u2029', '\u0085', // Unicode line separators
  'e\u0301', '\u0338', '日本語', 'ｆｕｌｌｗｉｄｔｈ', '\ufffd', '\uffff',
];

/** Tokens with meaning in one of the three languages: inserted anywhere they make the parsers work hardest. */
const SYNTAX_FRAGMENTS = [
  '{', '}', '[', ']', '(', ')', '"', "'", '`', ':', ': ', '- ', '---\n', '...\n', '#', '//', '/*', '*/', '\\', '\\\n', '=', ',',
  '${', '%{', '}}', '{{', '<<EOF\n', 'EOF\n', '<<: *a\n', '&a ', '*a', '? ', '|\n', '>-\n', '!!binary ', '!<tag:x> ',
  'FROM ', 'RUN ', 'USER ', 'ARG ', 'COPY --from=', 'ENV A=$', '# escape=`\n', '# syntax=docker/dockerfile:1\n',
  'resource "x" "y" {', 'dynamic "d" {', 'content {', 'for_each = ', 'var.', 'local.', 'each.value', '[for x in y : x]', '? : ',
  'apiVersion: v1\n', 'kind: Pod\n', 'containers:\n', '  - name: x\n', 'image: ', 'spec:\n',
];

function deepNesting(language: Language, depth: number, random: Random): string {
  switch (language) {
    case 'kubernetes':
      return random.chance(0.5)
        ? `nested: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`
        : Array.from({ length: Math.min(depth, 400) }, (_, level) => `${'  '.repeat(level)}k${level}:\n`).join('') + `${'  '.repeat(Math.min(depth, 400))}leaf: 1\n`;
    case 'terraform':
      return random.chance(0.5)
        ? `locals {\n  deep = ${'['.repeat(depth)}1${']'.repeat(depth)}\n}\n`
        : `${'block {\n'.repeat(Math.min(depth, 500))}${'}\n'.repeat(Math.min(depth, 500))}`;
    case 'dockerfile':
      return random.chance(0.5)
        ? `RUN ${'$('.repeat(depth)}true${')'.repeat(depth)}\n`
        : `RUN echo a ${'\\\n  && echo b '.repeat(depth)}\n`;
  }
}

function longLine(language: Language, length: number): string {
  const filler = 'a'.repeat(length);
  switch (language) {
    case 'kubernetes':
      return `long: ${filler}\n`;
    case 'terraform':
      return `locals {\n  long = "${filler}"\n}\n`;
    case 'dockerfile':
      return `RUN echo ${filler}\n`;
  }
}

export const MUTATORS: Record<string, Mutator> = {
  truncateAtLine(text, random) {
    const all = lines(text);
    return all.slice(0, random.int(all.length + 1)).join('');
  },
  truncateMidLine(text, random) {
    return text.slice(0, random.int(text.length + 1));
  },
  deleteLines(text, random) {
    const all = lines(text);
    const start = random.int(all.length);
    all.splice(start, random.between(1, 3));
    return all.join('');
  },
  duplicateLines(text, random) {
    const all = lines(text);
    const start = random.int(all.length);
    const copied = all.slice(start, start + random.between(1, 4));
    all.splice(random.int(all.length + 1), 0, ...copied.map((line) => (line.endsWith('\n') ? line : `${line}\n`)));
    return all.join('');
  },
  swapLines(text, random) {
    const all = lines(text);
    if (all.length < 2) return text;
    const a = random.int(all.length);
    const b = random.int(all.length);
    [all[a], all[b]] = [all[b], all[a]];
    return all.join('');
  },
  flipBytes(text, random) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0) return text;
    for (let flips = random.between(1, 8); flips > 0; flips--) bytes[random.int(bytes.length)] ^= 1 << random.int(8);
    // Decoding replaces the broken sequences with U+FFFD, as an editor opening such a file would.
    return new TextDecoder('utf-8').decode(bytes);
  },
  insertUnicode(text, random) {
    let result = text;
    for (let count = random.between(1, 6); count > 0; count--) result = insertAt(result, random.int(result.length + 1), random.pick(HOSTILE_CHARACTERS));
    return result;
  },
  insertSyntax(text, random) {
    let result = text;
    for (let count = random.between(1, 4); count > 0; count--) result = insertAt(result, random.int(result.length + 1), random.pick(SYNTAX_FRAGMENTS));
    return result;
  },
  deepNesting(text, random, context) {
    const all = lines(text);
    all.splice(random.int(all.length + 1), 0, deepNesting(context.language, random.pick([50, 200, 1_000, 5_000]), random));
    return all.join('');
  },
  veryLongLine(text, random, context) {
    const all = lines(text);
    all.splice(random.int(all.length + 1), 0, longLine(context.language, random.pick([10_000, 100_000, 300_000])));
    return all.join('');
  },
  spliceDonor(text, random, context) {
    const donor = lines(context.donor);
    const start = random.int(donor.length);
    const all = lines(text);
    all.splice(random.int(all.length + 1), 0, ...donor.slice(start, start + random.between(1, 15)));
    return all.join('');
  },
  lineEndings(text, random) {
    return random.pick([() => text.replace(/\r?\n/g, '\r\n'), () => text.replace(/\r?\n/g, '\r'), () => text.replace(/\r\n/g, '\n'), () => `\ufeff${text}`])();
  },
  indentShift(text, random) {
    const all = lines(text);
    const start = random.int(all.length);
    for (let i = start; i < Math.min(all.length, start + random.between(1, 10)); i++) {
      all[i] = random.chance(0.5) ? `${' '.repeat(random.between(1, 3))}${all[i]}` : all[i].replace(/^\s{1,3}/, random.chance(0.3) ? '\t' : '');
    }
    return all.join('');
  },
};

export const MUTATOR_NAMES = Object.keys(MUTATORS);

/** One to three mutations in a row; returns the text and the names applied, for the failure report. */
export function mutate(text: string, random: Random, context: MutationContext): { text: string; applied: string[] } {
  let current = text;
  const applied: string[] = [];
  for (let count = random.chance(0.7) ? 1 : random.between(2, 3); count > 0; count--) {
    const name = random.pick(MUTATOR_NAMES);
    current = MUTATORS[name](current, random, context);
    applied.push(name);
  }
  return { text: current, applied };
}
