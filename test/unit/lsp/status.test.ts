import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from '../../../rules';
import { mergeConfig } from '../../../server/src/engine/config/merge';
import { fileStatus, type StatusInput } from '../../../server/src/lsp/status';

const base: StatusInput = {
  path: '/ws/Dockerfile', text: 'FROM alpine:3.20\n', enabled: true, maxFileSize: 1024, resolved: { config: mergeConfig([]), file: undefined, excludedBy: undefined },
  isConfigFile: false, findings: 2, rules: allRules, locale: 'en',
};

describe('language status item', () => {
  it('an active file: findings and rules active', () => {
    const status = fileStatus(base);
    assert.equal(status.state, 'active');
    assert.equal(status.text, 'Infra Coach: 2 findings');
    assert.match(status.detail, /^\d+ Dockerfile rules active · Default configuration$/);
    assert.equal(fileStatus({ ...base, locale: 'ja' }).text, 'Infra Coach: 指摘 2 件');
  });

  it('says why nothing shows', () => {
    assert.equal(fileStatus({ ...base, enabled: false }).state, 'disabled');
    assert.equal(fileStatus({ ...base, path: '/ws/notes.txt' }).state, 'unsupported');
    const excluded = fileStatus({ ...base, resolved: { ...base.resolved!, excludedBy: { pattern: 'vendor/**', origin: '/ws/.infracoach.yaml' } } });
    assert.deepEqual([excluded.state, excluded.severity, excluded.detail], ['excluded', 'warning', 'Excluded by "vendor/**" in /ws/.infracoach.yaml']);
    assert.equal(fileStatus({ ...base, text: 'x'.repeat(2048) }).state, 'too-large');
    assert.equal(fileStatus({ ...base, path: '/ws/compose.yaml', text: 'services:\n  web: {image: nginx}\n' }).state, 'not-kubernetes');
    assert.equal(fileStatus({ ...base, path: '/ws/chart/deploy.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n' }).state, 'not-kubernetes');
    const allOff = Object.fromEntries(allRules.filter((rule) => rule.language === 'dockerfile').map((rule) => [rule.id, 'off' as const]));
    assert.equal(fileStatus({ ...base, lintSettings: { rules: allOff } }).state, 'all-rules-off');
    assert.equal(fileStatus({ ...base, isConfigFile: true, configProblems: 1 }).text, 'Infra Coach configuration: 1 problem');
  });
});
