import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/engine/types';
import { CheckedClosedFiles } from '../../../server/src/lsp/closed-files';

const finding = (ruleId: string) => ({ ruleId }) as Finding;

/** Turns of the event loop run by hand: the test sees exactly one file checked per turn. */
function harness(disk: Record<string, string | undefined>, open = new Set<string>()) {
  const published: string[] = [];
  const turns: (() => void)[] = [];
  const files = new CheckedClosedFiles(
    (path, text) => (text === 'excluded' ? undefined : [finding(`${path}:${text}`)]),
    (path, findings) => void published.push(`${path} [${findings.map((entry) => entry.ruleId).join(', ')}]`),
    (path) => disk[path],
    (path) => open.has(path),
    (run) => void turns.push(run),
  );
  const turn = () => turns.shift()?.();
  const drain = () => {
    while (turns.length > 0) turn();
  };
  return { files, published, disk, open, turn, drain, turns };
}

describe('CheckedClosedFiles', () => {
  it('re-publishes the covered files from disk, and clears one that is gone or excluded', () => {
    const { files, published, disk, drain } = harness({ '/w/a/Dockerfile': 'v1', '/w/b/main.tf': 'v1', '/w/c/x.yaml': 'v1' });
    for (const path of ['/w/a/Dockerfile', '/w/b/main.tf', '/w/c/x.yaml']) files.checked(path, []);
    published.length = 0;
    disk['/w/a/Dockerfile'] = 'v2';
    disk['/w/b/main.tf'] = undefined;
    disk['/w/c/x.yaml'] = 'excluded';
    files.recheckAll();
    drain();
    assert.deepEqual(published, ['/w/a/Dockerfile [/w/a/Dockerfile:v2]', '/w/b/main.tf []', '/w/c/x.yaml []']);
    assert.deepEqual(['/w/a/Dockerfile', '/w/b/main.tf', '/w/c/x.yaml'].map((path) => files.has(path)), [true, false, false]);
  });

  it('checks one file per turn of the event loop, so the server answers keystrokes in between', () => {
    const disk = Object.fromEntries(Array.from({ length: 5 }, (_, index) => [`/w/f${index}.tf`, 'v1']));
    const { files, published, turn, turns } = harness(disk);
    for (const path of Object.keys(disk)) files.checked(path, []);
    published.length = 0;
    files.recheckAll();
    files.recheckAll();
    assert.equal(published.length, 0, 'nothing in the call itself');
    turn();
    assert.equal(published.length, 1);
    turn();
    assert.equal(published.length, 2);
    while (turns.length > 0) turn();
    assert.equal(published.length, 5, 'each file once, however often it was asked for');
  });

  it('a change on disk re-checks the covered files in the changed folder or above it; a file opened meanwhile is left to the editor', () => {
    const { files, published, open, drain } = harness({ '/w/a/Dockerfile': 'v1', '/w/a/sub/x.yaml': 'v1', '/w/a/sub/y.yaml': 'v1', '/w/b/main.tf': 'v1' });
    for (const path of ['/w/a/Dockerfile', '/w/a/sub/x.yaml', '/w/a/sub/y.yaml', '/w/b/main.tf']) files.checked(path, []);
    published.length = 0;
    open.add('/w/a/sub/x.yaml');
    files.recheckAffected(new Set(['/w/a/sub']));
    open.add('/w/a/sub/y.yaml');
    drain();
    assert.deepEqual(published, ['/w/a/Dockerfile [/w/a/Dockerfile:v1]']);
  });
});
