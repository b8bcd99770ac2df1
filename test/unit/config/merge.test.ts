import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exclusionOf, findConfigFile, mergeConfig, parentFolder } from '../../../server/src/engine/config/merge';
import { emptyLayer, type ConfigLayer } from '../../../server/src/engine/config/model';

function layer(partial: Partial<ConfigLayer>): ConfigLayer {
  return { ...emptyLayer(), ...partial };
}

describe('configuration precedence: defaults < repository file < workspace settings', () => {
  it('a later layer wins the severity and merges options key by key', () => {
    const merged = mergeConfig([
      { layer: layer({ rules: { 'a/x': 'off', 'a/y': { severity: 'error', options: { one: 1, two: 2 } }, 'a/z': 'info' } }), base: '/repo', origin: '/repo/.infracoach.yaml' },
      { layer: layer({ rules: { 'a/x': 'warning', 'a/y': { options: { two: 20 } } } }), base: '/repo', origin: 'infracoach.exclude' },
    ]);
    assert.deepEqual(merged.rules, {
      'a/x': 'warning',
      'a/y': { severity: 'error', options: { one: 1, two: 20 } },
      'a/z': 'info',
    });
  });

  it('suppression policy: defaults, then the file, then settings', () => {
    assert.deepEqual(mergeConfig([]).suppressions, { requireReason: false, reportUnused: true });
    const merged = mergeConfig([
      { layer: layer({ suppressions: { requireReason: true } }), base: '/r', origin: 'file' },
      { layer: layer({ suppressions: { reportUnused: false } }), base: '/r', origin: 'settings' },
    ]);
    assert.deepEqual(merged.suppressions, { requireReason: true, reportUnused: false });
  });

  it('exclude patterns of every layer apply, each relative to its own folder', () => {
    const config = mergeConfig([
      { layer: layer({ exclude: ['generated/**'] }), base: '/repo/infra', origin: '/repo/infra/.infracoach.yaml' },
      { layer: layer({ exclude: ['*.tmp.yaml'] }), base: '/repo', origin: 'infracoach.exclude' },
    ]);
    assert.deepEqual(exclusionOf('/repo/infra/generated/main.tf', config), { pattern: 'generated/**', origin: '/repo/infra/.infracoach.yaml' });
    assert.equal(exclusionOf('/repo/generated/main.tf', config), undefined, 'the file\'s pattern is relative to its folder');
    assert.deepEqual(exclusionOf('/repo/app/x.tmp.yaml', config), { pattern: '*.tmp.yaml', origin: 'infracoach.exclude' });
    assert.equal(exclusionOf('/elsewhere/generated/main.tf', config), undefined);
  });
});

describe('finding .infracoach.yaml', () => {
  const lookupIn = (files: string[], boundary?: string) => ({
    exists: (path: string) => files.includes(path),
    isBoundary: (folder: string) => folder === boundary,
  });

  it('the nearest file wins, .yaml before .yml in one folder', () => {
    const files = ['/ws/.infracoach.yaml', '/ws/svc/.infracoach.yml', '/ws/svc/deep/.infracoach.yaml', '/ws/svc/deep/.infracoach.yml'];
    assert.equal(findConfigFile('/ws/svc/deep/Dockerfile', lookupIn(files, '/ws')), '/ws/svc/deep/.infracoach.yaml');
    assert.equal(findConfigFile('/ws/svc/x/main.tf', lookupIn(files, '/ws')), '/ws/svc/.infracoach.yml');
    assert.equal(findConfigFile('/ws/other/main.tf', lookupIn(files, '/ws')), '/ws/.infracoach.yaml');
  });

  it('stops at the workspace root and at a repository root', () => {
    assert.equal(findConfigFile('/ws/app/Dockerfile', lookupIn(['/.infracoach.yaml'], '/ws')), undefined);
    assert.equal(findConfigFile('/home/u/repo/app/Dockerfile', lookupIn(['/home/u/.infracoach.yaml', '/home/u/repo/.git'])), undefined);
    assert.equal(findConfigFile('/home/u/repo/app/Dockerfile', lookupIn(['/home/u/repo/.infracoach.yaml', '/home/u/repo/.git'])), '/home/u/repo/.infracoach.yaml');
  });

  it('walks up to the file system root, Windows drives included', () => {
    assert.equal(findConfigFile('/a/b/Dockerfile', lookupIn(['/.infracoach.yaml'])), '/.infracoach.yaml');
    assert.equal(parentFolder('c:/repo'), 'c:/');
    assert.equal(parentFolder('c:/'), 'c:/');
    assert.equal(findConfigFile('c:/repo/app/main.tf', lookupIn(['c:/.infracoach.yaml'])), 'c:/.infracoach.yaml');
  });
});
