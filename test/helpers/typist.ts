import { Random } from '../unit/fuzz/random';

/** One edit: the new text, and whether it breaks the file (it is then undone at the next step). */
export type Keystroke = (text: string, random: Random) => { text: string; breaks?: boolean };

/**
 * Successive edits as a person makes them, from a seed so a failure replays. An edit that breaks the file is
 * undone at the next step, as a typo is fixed: the parse goes clean → broken → clean, and most steps start from
 * a clean one, which is what an incremental parser re-uses.
 */
export function typist(seed: number, keystroke: Keystroke): (text: string) => string {
  const random = new Random(seed);
  let beforeBreak: string | undefined;
  return (text) => {
    if (beforeBreak !== undefined) {
      const restored = beforeBreak;
      beforeBreak = undefined;
      return restored;
    }
    const edit = keystroke(text, random);
    if (edit.breaks) beforeBreak = text;
    return edit.text;
  };
}

/** The text with `insert` typed at a random place just after a match of `pattern` (unchanged when nothing matches). */
export function typeAfter(text: string, pattern: RegExp, insert: string, random: Random): string {
  const offsets = [...text.matchAll(pattern)].map((match) => match.index + match[0].length);
  if (offsets.length === 0) return text;
  const at = random.pick(offsets);
  return text.slice(0, at) + insert + text.slice(at);
}

/** The text with `insert` typed anywhere. */
export function typeAnywhere(text: string, insert: string, random: Random): string {
  const at = random.int(text.length + 1);
  return text.slice(0, at) + insert + text.slice(at);
}
