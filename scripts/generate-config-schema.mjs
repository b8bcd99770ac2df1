// Writes the settings Infra Coach contributes (infracoach.enable, infracoach.rules with one JSON schema per rule
// and its options, infracoach.exclude, …) into package.json, and their English/Japanese texts into the
// package.nls files when missing. Run after adding a rule or an option: `node scripts/generate-config-schema.mjs`.
// `--check` only reports whether package.json is in sync (test/unit/config/schema.test.ts checks the same).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The rules are TypeScript: re-run under tsx when it is not loaded yet.
if (!process.execArgv.some((arg) => arg.includes('tsx'))) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const { allRules } = await import('../rules/index.ts');
const { configurationProperties, CONFIGURATION_TEXTS } = await import('../server/src/engine/config/schema.ts');

const check = process.argv.includes('--check');
const manifestPath = new URL('../package.json', import.meta.url);
const manifestText = readFileSync(manifestPath, 'utf8');
const manifest = JSON.parse(manifestText);
const properties = manifest.contributes.configuration.properties;
for (const [key, schema] of Object.entries(configurationProperties(allRules))) properties[key] = schema;
const updated = JSON.stringify(manifest, null, 2) + '\n';

if (check) {
  if (updated !== manifestText) {
    console.error('package.json is out of date: run `node scripts/generate-config-schema.mjs`.');
    process.exit(1);
  }
  process.exit(0);
}
if (updated !== manifestText) writeFileSync(manifestPath, updated);

// Texts: English ones are owned by the code; a missing Japanese one gets the English text and a warning.
for (const [file, english] of [['../package.nls.json', true], ['../package.nls.ja.json', false]]) {
  const url = new URL(file, import.meta.url);
  const texts = JSON.parse(readFileSync(url, 'utf8'));
  let changed = false;
  for (const [key, text] of Object.entries(CONFIGURATION_TEXTS)) {
    if (english ? texts[key] === text : key in texts) continue;
    if (!english) console.warn(`package.nls.ja.json: add a Japanese text for ${key}`);
    texts[key] = text;
    changed = true;
  }
  if (changed) writeFileSync(url, JSON.stringify(texts, null, 2) + '\n');
}
console.log(`package.json: ${Object.keys(configurationProperties(allRules)['infracoach.rules'].properties).length} rules in infracoach.rules`);
