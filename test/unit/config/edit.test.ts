import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigText } from '../../../server/src/engine/config/file';
import { newConfigText, turnOffRuleEdits } from '../../../server/src/engine/config/edit';
import { applyEdits } from '../../../server/src/engine/text';
import { FAKE_RULES } from './fake-rules';

function turnOff(text: string, ruleId: string): string {
  const edits = turnOffRuleEdits(text, ruleId);
  assert.ok(edits, 'the file can be edited');
  return applyEdits(text, edits);
}

function rulesOf(text: string): unknown {
  const { layer, problems } = parseConfigText(text, FAKE_RULES);
  assert.deepEqual(problems, []);
  return layer.rules;
}

describe('"Turn off <rule> in this repository" edits .infracoach.yaml', () => {
  it('a new file turns the rule off', () => {
    assert.deepEqual(rulesOf(newConfigText('dockerfile/root-user')), { 'dockerfile/root-user': 'off' });
  });

  it('adds the rule to an existing rules mapping, keeping comments and other keys', () => {
    const text = '# team settings\nrules:\n  terraform/missing-tags: warning # noisy\nexclude: [vendor/**]\n';
    const result = turnOff(text, 'dockerfile/root-user');
    assert.equal(result, '# team settings\nrules:\n  terraform/missing-tags: warning # noisy\n  dockerfile/root-user: off\nexclude: [vendor/**]\n');
  });

  it('adds a rules mapping when there is none, and fills an empty one', () => {
    assert.deepEqual(rulesOf(turnOff('exclude: [a/**]\n', 'dockerfile/root-user')), { 'dockerfile/root-user': 'off' });
    assert.deepEqual(rulesOf(turnOff('rules:\nexclude: []\n', 'dockerfile/root-user')), { 'dockerfile/root-user': 'off' });
    assert.deepEqual(rulesOf(turnOff('# only a comment\n', 'dockerfile/root-user')), { 'dockerfile/root-user': 'off' });
    assert.deepEqual(rulesOf(turnOff('', 'dockerfile/root-user')), { 'dockerfile/root-user': 'off' });
  });

  it('an existing setting: a severity is replaced, an object keeps its options', () => {
    assert.deepEqual(rulesOf(turnOff('rules:\n  dockerfile/root-user: error\n', 'dockerfile/root-user')), { 'dockerfile/root-user': 'off' });
    const text = 'rules:\n  kubernetes/missing-resource-limits:\n    severity: error\n    options:\n      requireCpuLimit: true\n';
    assert.deepEqual(rulesOf(turnOff(text, 'kubernetes/missing-resource-limits')), {
      'kubernetes/missing-resource-limits': { severity: 'off', options: { requireCpuLimit: true } },
    });
  });

  it('keeps CRLF line breaks', () => {
    const result = turnOff('rules:\r\n  terraform/missing-tags: warning\r\n', 'dockerfile/root-user');
    assert.equal(result, 'rules:\r\n  terraform/missing-tags: warning\r\n  dockerfile/root-user: off\r\n');
  });

  it('offers nothing for a file that is not a YAML mapping', () => {
    assert.equal(turnOffRuleEdits('rules: [\n', 'dockerfile/root-user'), undefined);
    assert.equal(turnOffRuleEdits('- a\n', 'dockerfile/root-user'), undefined);
  });
});
