import type { LocalizedText } from '../types';

/**
 * A small glob matcher for `exclude` patterns, gitignore-flavoured so patterns read the way people
 * already write them in `.gitignore` and `.dockerignore`:
 * - `*` matches within one path segment, `?` one character, `[abc]` / `[!abc]` a class, `{a,b}` alternatives;
 * - `**` matches any number of whole segments (also none);
 * - a pattern without a `/` (other than a trailing one) matches at any depth: `*.generated.tf`;
 * - a leading `/` or `./` anchors the pattern to the base folder;
 * - a trailing `/`, or a pattern that matches a parent folder, excludes everything below that folder.
 * Written here rather than taken from a package because the engine stays dependency-light and these
 * few semantics are easy to test exhaustively.
 */

const compiled = new Map<string, RegExp | null>();

/** True when the `/`-separated relative path (or one of its parent folders) matches the pattern. */
export function matchGlob(pattern: string, relativePath: string): boolean {
  const regex = compile(pattern);
  if (!regex) return false;
  const segments = relativePath.split('/').filter((segment) => segment.length > 0 && segment !== '.');
  for (let length = segments.length; length > 0; length--) {
    if (regex.test(segments.slice(0, length).join('/'))) return true;
  }
  return false;
}

/** The first pattern that matches, or undefined. */
export function firstMatchingGlob(patterns: readonly string[], relativePath: string): string | undefined {
  return patterns.find((pattern) => matchGlob(pattern, relativePath));
}

/** Why the pattern cannot be used, or undefined when it is valid. */
export function globProblem(pattern: string): LocalizedText | undefined {
  if (pattern.trim() === '') return { en: 'an empty pattern matches nothing', ja: '空のパターンは何にも一致しません' };
  if (pattern.startsWith('!')) return { en: 'negated patterns ("!…") are not supported; list only what to exclude', ja: '否定パターン（"!…"）は使えません。除外するものだけを書いてください' };
  return compile(pattern) ? undefined : { en: 'unbalanced "[" or "{" in the pattern', ja: 'パターンの "[" か "{" が閉じていません' };
}

function compile(pattern: string): RegExp | null {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  let source = pattern.trim().replace(/\\/g, '/');
  let anchored = false;
  if (source.startsWith('./')) {
    source = source.slice(2);
    anchored = true;
  } else if (source.startsWith('/')) {
    source = source.slice(1);
    anchored = true;
  }
  source = source.replace(/\/+$/, '');
  if (!anchored && !source.includes('/')) source = `**/${source}`;
  const body = source === '' || source.startsWith('!') ? null : translate(source);
  const regex = body === null ? null : new RegExp(`^${body}$`);
  compiled.set(pattern, regex);
  return regex;
}

/** Glob syntax to a regular expression body, or null when brackets or braces are unbalanced. */
function translate(glob: string): string | null {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` may match no folder at all, so `**/x` also matches `x`.
          if (glob[i + 2] === '/') {
            out += '(?:[^/]+/)*';
            i += 2;
          } else {
            out += '.*';
            i += 1;
          }
          continue;
        }
        i += 1;
      }
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) return null;
      let inner = glob.slice(i + 1, close);
      if (inner.startsWith('!')) inner = `^${inner.slice(1)}`;
      out += `[${inner.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (ch === '{') {
      braceDepth++;
      out += '(?:';
    } else if (ch === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (ch === ',' && braceDepth > 0) {
      out += '|';
    } else {
      out += ch.replace(/[.+^$()|\\\]{}]/g, '\\$&');
    }
  }
  return braceDepth === 0 ? out : null;
}
