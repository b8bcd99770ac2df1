/**
 * English and Japanese everywhere in the editor: every `%key%` of the manifest has both translations, every
 * user-facing manifest string is such a key, and every `vscode.l10n.t` string in the client has a Japanese entry.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { hasJapanese } from '../../helpers/markdown';

const ROOT = resolve(__dirname, '../../..');
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as unknown;
const manifest = readJson('package.json') as Record<string, unknown>;
const nls = { en: readJson('package.nls.json') as Record<string, string>, ja: readJson('package.nls.ja.json') as Record<string, string> };

/** Keys whose Japanese text is rightly the same as the English one: the product's name. */
const SAME_IN_BOTH = new Set(['displayName', 'command.category', 'configuration.title', 'viewsContainer.infracoach.title']);

function walk(value: unknown, path: string, visit: (path: string, text: string) => void): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`, visit));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key, visit);
}

/** Manifest fields people read; each must be a `%key%`. */
const USER_FACING = [
  /^displayName$/, /^description$/,
  /^contributes\.commands\[\d+\]\.(title|category|shortTitle)$/,
  /^contributes\.configuration\.title$/,
  /^contributes\.configuration\.properties\.[^.]+(\.\w+)*\.(description|markdownDescription|deprecationMessage|markdownDeprecationMessage|enumDescriptions\[\d+\]|markdownEnumDescriptions\[\d+\])$/,
  /^contributes\.viewsContainers\.\w+\[\d+\]\.title$/,
  /^contributes\.views\.[\w.]+\[\d+\]\.(name|contextualTitle)$/,
  /^contributes\.viewsWelcome\[\d+\]\.contents$/,
  /^contributes\.walkthroughs\[\d+\]\.(title|description)$/,
  /^contributes\.walkthroughs\[\d+\]\.steps\[\d+\]\.(title|description|media\.markdown|media\.altText)$/,
];

describe('manifest localisation (package.nls.json, package.nls.ja.json)', () => {
  const used = new Map<string, string>();
  walk(manifest, '', (path, text) => {
    const key = /^%(.+)%$/.exec(text)?.[1];
    if (key) used.set(key, path);
  });

  it('every user-facing manifest string is a %key%', () => {
    const literal: string[] = [];
    walk(manifest, '', (path, text) => {
      if (USER_FACING.some((pattern) => pattern.test(path)) && !/^%.+%$/.test(text)) literal.push(`${path}: ${text}`);
    });
    assert.deepEqual(literal, []);
  });

  it('every %key% has an English and a Japanese text', () => {
    for (const [key, path] of used) {
      assert.ok(nls.en[key]?.trim(), `${key} (${path}) is in package.nls.json`);
      assert.ok(nls.ja[key]?.trim(), `${key} (${path}) is in package.nls.ja.json`);
      if (!SAME_IN_BOTH.has(key) && !key.endsWith('.media')) assert.ok(hasJapanese(nls.ja[key]), `${key} is written in Japanese`);
    }
  });

  it('no translation is left without a use', () => {
    for (const locale of ['en', 'ja'] as const) {
      assert.deepEqual(Object.keys(nls[locale]).filter((key) => !used.has(key)), [], `unused keys in the ${locale} file`);
    }
  });

  it('walkthrough media exist in both languages', () => {
    for (const [key] of [...used].filter(([key]) => key.endsWith('.media'))) {
      for (const locale of ['en', 'ja'] as const) assert.ok(existsSync(join(ROOT, nls[locale][key])), `${nls[locale][key]} exists`);
    }
  });

  it('declares the l10n bundle folder', () => {
    assert.equal(manifest.l10n, './l10n');
  });
});

function clientSources(folder = join(ROOT, 'client/src')): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? clientSources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The first argument of every `l10n.t(` call; a call whose message is not a string literal is reported. */
function l10nStrings(source: string, file: string): string[] {
  const strings: string[] = [];
  for (const match of source.matchAll(/\bl10n\.t\(\s*/g)) {
    const rest = source.slice(match.index + match[0].length);
    const literal = /^'((?:\\.|[^'\\\n])*)'|^"((?:\\.|[^"\\\n])*)"/.exec(rest);
    assert.ok(literal, `${file}: l10n.t must be called with a string literal, so its translation can be checked: ${rest.slice(0, 40)}`);
    const raw = literal[1] ?? literal[2];
    strings.push(raw.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char)));
  }
  return strings;
}

describe('client strings (l10n/bundle.l10n.ja.json)', () => {
  const bundle = readJson('l10n/bundle.l10n.ja.json') as Record<string, string>;
  const strings = new Set(clientSources().flatMap((file) => l10nStrings(readFileSync(file, 'utf8'), file)));

  it('finds the client strings', () => {
    assert.ok(strings.size > 5, `found ${strings.size}`);
  });

  it('every vscode.l10n.t string has a Japanese entry with the same placeholders', () => {
    for (const text of strings) {
      const japanese = bundle[text];
      assert.ok(japanese?.trim(), `missing Japanese for ${JSON.stringify(text)}`);
      assert.ok(hasJapanese(japanese), `${JSON.stringify(text)} is translated into Japanese`);
      const placeholders = (value: string) => [...value.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      assert.deepEqual(placeholders(japanese), placeholders(text), `placeholders of ${JSON.stringify(text)}`);
    }
  });

  it('the bundle has no stale entries', () => {
    assert.deepEqual(Object.keys(bundle).filter((key) => !strings.has(key)), []);
  });
});
