import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { targetOfSavedState } from '../../../client/src/panel/saved-state';

describe('targetOfSavedState (restoring the panel after a reload)', () => {
  it('restores a skill page with its topic anchor, and a rule page', () => {
    assert.deepEqual(targetOfSavedState({ page: 'skill:4.1.1', locale: 'ja', anchor: 'multi-stage-builds' }), { page: { kind: 'skill', id: '4.1.1', locale: 'ja' }, anchor: 'multi-stage-builds' });
    assert.deepEqual(targetOfSavedState({ page: 'rule:dockerfile/root-user', locale: 'en' }), { page: { kind: 'rule', id: 'dockerfile/root-user', locale: 'en' } });
  });

  it('restores nothing from a state the webview could have forged or an older version left', () => {
    for (const state of [
      undefined,
      null,
      'skill:4.1.1',
      {},
      { page: 'skill:4.1.1' },
      { page: 'skill:4.1.1', locale: 'fr' },
      { page: 'skill:../../etc/passwd', locale: 'en' },
      { page: 'rule:../secrets', locale: 'en' },
      { page: 'file:/etc/passwd', locale: 'en' },
      { page: 'skill4.1.1', locale: 'en' },
      { page: 42, locale: 'en' },
    ]) {
      assert.equal(targetOfSavedState(state), undefined, JSON.stringify(state));
    }
  });

  it('drops an anchor that is not a plain slug but keeps the page', () => {
    assert.deepEqual(targetOfSavedState({ page: 'skill:4.4.1', locale: 'en', anchor: '"><script>' }), { page: { kind: 'skill', id: '4.4.1', locale: 'en' } });
  });
});
