import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../../..');

interface SettingSchema {
  type?: string | string[];
  default?: unknown;
  format?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, SettingSchema>;
  items?: SettingSchema;
  anyOf?: SettingSchema[];
}

interface Manifest {
  activationEvents?: string[];
  capabilities?: { untrustedWorkspaces?: { supported?: boolean | string } };
  contributes?: { configuration?: { properties: Record<string, SettingSchema> } | { properties: Record<string, SettingSchema> }[] };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

function settings(): [string, SettingSchema][] {
  const configuration = manifest.contributes?.configuration;
  const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  return sections.flatMap((section) => Object.entries(section.properties));
}

/** The schema and every nested schema of a setting (object properties, array items, alternatives). */
function* schemas(schema: SettingSchema): Generator<SettingSchema> {
  yield schema;
  for (const child of Object.values(schema.properties ?? {})) yield* schemas(child);
  if (schema.items) yield* schemas(schema.items);
  for (const alternative of schema.anyOf ?? []) yield* schemas(alternative);
}

const localized = (text: string | undefined) => (text?.startsWith('%') ? nls[text.slice(1, -1)] ?? text : text ?? '');

describe('security: the extension manifest', () => {
  it('declares support for untrusted workspaces: it only reads text', () => {
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  });

  it('never activates on every event', () => {
    assert.ok((manifest.activationEvents ?? []).length > 0);
    assert.equal((manifest.activationEvents ?? []).includes('*'), false);
  });

  it('has no setting that could point at an executable, a command line or a remote URL', () => {
    const list = settings();
    assert.ok(list.length > 0);
    for (const [name, schema] of list) {
      // `trace.server` is the language client's standard trace switch (off, messages, verbose).
      const checkedName = name === 'infracoach.trace.server' ? 'infracoach.trace' : name;
      assert.doesNotMatch(checkedName, /path|executable|binary|command|program|shell|url|uri|endpoint|host|proxy|server|download|remote/i, name);
      for (const nested of schemas(schema)) {
        assert.equal(['uri', 'uri-reference', 'iri'].includes(nested.format ?? ''), false, `${name} takes a URI`);
        const defaults = JSON.stringify(nested.default ?? null);
        assert.doesNotMatch(defaults, /[a-z][a-z0-9+.-]*:\/\/|^"\/|\.exe"|\\\\/i, `${name} defaults to a URL or a path`);
      }
      // The setting's own description (nested ones describe rules, whose titles may well say "download").
      const description = `${localized(schema.description)} ${localized(schema.markdownDescription)}`;
      assert.doesNotMatch(description, /path to|executable|\bbinary\b|\bURL\b|download/i, `${name}: ${description}`);
    }
  });

  it('declares infracoach.maxFileSize with the 2 MB default the engine uses', async () => {
    const { DEFAULT_MAX_FILE_SIZE } = await import('../../../server/src/engine/limits');
    const setting = settings().find(([name]) => name === 'infracoach.maxFileSize')?.[1];
    assert.equal(setting?.type, 'number');
    assert.equal(setting?.default, DEFAULT_MAX_FILE_SIZE);
    assert.equal(DEFAULT_MAX_FILE_SIZE, 2 * 1024 * 1024);
  });
});

describe('security: the source never reaches the network or starts programs', () => {
  const FORBIDDEN = /from ['"](?:node:)?(?:child_process|net|http|https|http2|dns|tls|dgram|cluster)['"]|require\(['"](?:node:)?(?:child_process|net|http|https|http2|dns|tls|dgram|cluster)['"]\)|\bfetch\(|\bXMLHttpRequest\b|\bWebSocket\(/;

  function sources(folder: string): string[] {
    const found: string[] = [];
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) found.push(...sources(path));
      else if (/\.(ts|js|mjs|cjs)$/.test(name)) found.push(path);
    }
    return found;
  }

  it('no module of the extension, server, engine or rules imports a network or process module', () => {
    const files = ['client/src', 'server/src', 'rules'].flatMap((folder) => sources(join(ROOT, folder)));
    assert.ok(files.length > 20);
    const offenders = files.filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((file) => file.slice(ROOT.length + 1)), []);
  });

  it('the pattern would catch an offender', () => {
    assert.match("import { spawn } from 'node:child_process';", FORBIDDEN);
    assert.match("const https = require('https');", FORBIDDEN);
    assert.match('await fetch(url)', FORBIDDEN);
    assert.doesNotMatch("import { readFileSync } from 'node:fs';", FORBIDDEN);
  });
});
