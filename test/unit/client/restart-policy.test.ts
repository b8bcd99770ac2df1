import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RESTART_POLICY, RestartPolicy } from '../../../client/src/restart-policy';

describe('server restart policy', () => {
  it('restarts a few times within the window, then gives up', () => {
    let now = 0;
    const policy = new RestartPolicy({ maxRestarts: 3, windowMs: 1_000, now: () => now });
    const decisions = [];
    for (let i = 0; i < 5; i++) {
      decisions.push(policy.serverStopped());
      now += 100;
    }
    assert.deepEqual(decisions, ['restart', 'restart', 'restart', 'give-up', 'give-up']);
  });

  it('only crashes within the window count', () => {
    let now = 0;
    const policy = new RestartPolicy({ maxRestarts: 2, windowMs: 1_000, now: () => now });
    assert.equal(policy.serverStopped(), 'restart');
    now = 500;
    assert.equal(policy.serverStopped(), 'restart');
    now = 999;
    assert.equal(policy.serverStopped(), 'give-up');
    now = 1_000;
    assert.equal(policy.serverStopped(), 'restart', 'the first crash has left the window');
    now = 5_000;
    assert.equal(policy.serverStopped(), 'restart');
  });

  it('defaults to a handful of restarts within minutes', () => {
    assert.ok(DEFAULT_RESTART_POLICY.maxRestarts >= 3 && DEFAULT_RESTART_POLICY.maxRestarts <= 5);
    assert.ok(DEFAULT_RESTART_POLICY.windowMs >= 60_000);
    const policy = new RestartPolicy();
    assert.equal(policy.serverStopped(), 'restart');
  });

  it('stays free of the vscode module so it can run outside the editor', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(require.resolve('../../../client/src/restart-policy'), 'utf8');
    assert.doesNotMatch(source, /from 'vscode'/);
  });
});
