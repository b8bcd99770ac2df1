import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { allRules } from '../../../rules';
import { parseConfigText } from '../../../server/src/engine/config/file';
import { CONFIGURATION_TEXTS, configurationProperties } from '../../../server/src/engine/config/schema';

const root = resolve(__dirname, '../../..');
const readJson = (name: string) => JSON.parse(readFileSync(resolve(root, name), 'utf8')) as Record<string, unknown>;

describe('contributed settings', () => {
  const manifest = readJson('package.json') as { contributes: { configuration: { properties: Record<string, unknown> }; commands: { command: string; title: string }[] } };
  const generated = configurationProperties(allRules);

  it('package.json matches the rules and their options (run `node scripts/generate-config-schema.mjs` after changing them)', () => {
    for (const [key, schema] of Object.entries(generated)) {
      assert.deepEqual(manifest.contributes.configuration.properties[key], schema, `${key} is out of date in package.json`);
    }
  });

  it('every rule can be configured, and its options are validated', () => {
    const rules = generated['infracoach.rules'] as { properties: Record<string, unknown> };
    assert.deepEqual(Object.keys(rules.properties).sort(), allRules.map((rule) => rule.id).sort());
    const validate = new Ajv({ strict: false }).compile(rules);
    const withOptions = allRules.find((rule) => Object.keys(rule.options ?? {}).length > 0);
    assert.ok(withOptions, 'some rule has options');
    const [name, option] = Object.entries(withOptions.options!)[0];
    assert.ok(validate({ [withOptions.id]: 'off' }));
    assert.ok(validate({ [withOptions.id]: { severity: 'error', options: { [name]: option.default } } }));
    assert.ok(!validate({ [withOptions.id]: 'loud' }), 'unknown severity');
    assert.ok(!validate({ [withOptions.id]: { options: { notAnOption: true } } }), 'unknown option');
    assert.ok(!validate({ 'dockerfile/no-such-rule': 'off' }), 'unknown rule');
  });

  it('settings texts exist in English and Japanese, and the check-workspace command is contributed', () => {
    const english = readJson('package.nls.json');
    const japanese = readJson('package.nls.ja.json');
    for (const [key, text] of Object.entries(CONFIGURATION_TEXTS)) {
      assert.equal(english[key], text, `package.nls.json: ${key}`);
      assert.ok(typeof japanese[key] === 'string' && japanese[key] !== text, `package.nls.ja.json needs a Japanese ${key}`);
    }
    const command = manifest.contributes.commands.find((entry) => entry.command === 'infracoach.checkWorkspace');
    assert.ok(command, 'infracoach.checkWorkspace is contributed');
    const titleKey = command.title.replace(/^%|%$/g, '');
    assert.ok(english[titleKey] && japanese[titleKey], 'its title is localised');
  });

  it('the README\'s example .infracoach.yaml is valid', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration and suppression'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(example, 'the section has a yaml example');
    assert.deepEqual(parseConfigText(example, allRules).problems.map((problem) => problem.message.en), []);
  });
});
