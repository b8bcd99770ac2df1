import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkspaceView } from '../../server/src/engine/types';
import { cachedWorkspace } from '../../server/src/node-workspace';

/** A file system in memory that counts how often it is asked. */
function countingView(files: Record<string, string>): WorkspaceView & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    listFolder(folder) {
      reads.push(`list ${folder}`);
      return Object.keys(files).filter((path) => path.slice(0, path.lastIndexOf('/')) === folder);
    },
    readFile(path) {
      reads.push(`read ${path}`);
      return files[path];
    },
  };
}

describe('cachedWorkspace', () => {
  it('trusts what it read for the given age, then reads again; the age may change while it runs', () => {
    const view = countingView({ '/w/a.tf': 'a' });
    let clock = 0;
    let age = 2_000;
    const workspace = cachedWorkspace(view, () => age, undefined, () => clock);
    workspace.readFile('/w/a.tf');
    clock = 1_999;
    workspace.readFile('/w/a.tf');
    assert.deepEqual(view.reads, ['read /w/a.tf']);
    clock = 2_001;
    workspace.readFile('/w/a.tf');
    assert.equal(view.reads.length, 2);
    age = 60_000;
    clock = 30_000;
    workspace.readFile('/w/a.tf');
    assert.equal(view.reads.length, 2, 'a longer age applies at once');
  });

  it('prefers the open editor buffer and never caches it', () => {
    const view = countingView({ '/w/a.tf': 'on disk' });
    let open: string | undefined = 'typing';
    const workspace = cachedWorkspace(view, Number.POSITIVE_INFINITY, () => open, () => 0);
    assert.equal(workspace.readFile('/w/a.tf'), 'typing');
    open = undefined;
    assert.equal(workspace.readFile('/w/a.tf'), 'on disk');
  });

  it('a reported change drops the file and its folder listing; a reported folder drops everything below it', () => {
    const view = countingView({ '/w/m/a.tf': 'a', '/w/m/sub/b.yaml': 'b', '/w/other/c.tf': 'c' });
    const workspace = cachedWorkspace(view, Number.POSITIVE_INFINITY, undefined, () => 0);
    const touchAll = () => {
      workspace.listFolder('/w/m');
      workspace.listFolder('/w/m/sub');
      workspace.readFile('/w/m/a.tf');
      workspace.readFile('/w/m/sub/b.yaml');
      workspace.readFile('/w/other/c.tf');
    };
    touchAll();
    const reads = () => view.reads.splice(0);
    reads();

    workspace.invalidate('/w/m/a.tf');
    touchAll();
    assert.deepEqual(reads(), ['list /w/m', 'read /w/m/a.tf']);

    workspace.invalidate('/w/m/sub');
    touchAll();
    assert.deepEqual(reads(), ['list /w/m', 'list /w/m/sub', 'read /w/m/sub/b.yaml'], 'the folder, its listing and its files');

    workspace.invalidate('/w/m/su');
    touchAll();
    assert.deepEqual(reads(), ['list /w/m'], 'a name that merely starts the same is not below it');

    workspace.invalidate();
    touchAll();
    assert.equal(reads().length, 5);
  });

  it('keeps at most its limits, dropping what was used longest ago', () => {
    const view = countingView({ '/w/a': 'aaaa', '/w/b': 'bbbb', '/w/c': 'cccc', '/x/1/f': '', '/x/2/f': '', '/x/3/f': '' });
    const workspace = cachedWorkspace(view, Number.POSITIVE_INFINITY, undefined, () => 0, { maxChars: 8, maxFolders: 2 });
    const reads = () => view.reads.splice(0);
    workspace.readFile('/w/a');
    workspace.readFile('/w/b');
    workspace.readFile('/w/a');
    assert.deepEqual(reads(), ['read /w/a', 'read /w/b'], 'both fit');
    workspace.readFile('/w/c');
    workspace.readFile('/w/a');
    workspace.readFile('/w/b');
    assert.deepEqual(reads(), ['read /w/c', 'read /w/b'], 'b, used longest ago, made room for c; a was kept');

    for (const folder of ['/x/1', '/x/2', '/x/1', '/x/3', '/x/1', '/x/2']) workspace.listFolder(folder);
    assert.deepEqual(reads(), ['list /x/1', 'list /x/2', 'list /x/3', 'list /x/2']);
  });
});
