import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/engine/types';
import { CheckedClosedFiles } from '../../../server/src/lsp/closed-files';

const finding = (ruleId: string) => ({ ruleId }) as Finding;

function harness(disk: Record<string, string | undefined>) {
  const published: string[] = [];
  const files = new CheckedClosedFiles(
    (path, text) => (text === 'excluded' ? undefined : [finding(`${path}:${text}`)]),
    (path, findings) => void published.push(`${path} [${findings.map((entry) => entry.ruleId).join(', ')}]`),
    (path) => disk[path],
  );
  return { files, published, disk };
}

describe('CheckedClosedFiles', () => {
  it('re-publishes the covered files that are not open, from disk, and clears one that is gone or excluded', () => {
    const { files, published, disk } = harness({ '/w/a/Dockerfile': 'v1', '/w/b/main.tf': 'v1', '/w/c/x.yaml': 'v1' });
    for (const path of ['/w/a/Dockerfile', '/w/b/main.tf', '/w/c/x.yaml']) files.checked(path, []);
    published.length = 0;
    disk['/w/a/Dockerfile'] = 'v2';
    disk['/w/b/main.tf'] = undefined;
    disk['/w/c/x.yaml'] = 'excluded';
    files.recheckAll((path) => path === '/w/open.yaml');
    assert.deepEqual(published, ['/w/a/Dockerfile [/w/a/Dockerfile:v2]', '/w/b/main.tf []', '/w/c/x.yaml []']);
    assert.deepEqual(['/w/a/Dockerfile', '/w/b/main.tf', '/w/c/x.yaml'].map((path) => files.has(path)), [true, false, false]);
  });

  it('a change on disk re-checks the covered files in the changed folder or above it, except the open ones', () => {
    const { files, published } = harness({ '/w/a/Dockerfile': 'v1', '/w/a/sub/x.yaml': 'v1', '/w/b/main.tf': 'v1' });
    for (const path of ['/w/a/Dockerfile', '/w/a/sub/x.yaml', '/w/b/main.tf']) files.checked(path, []);
    published.length = 0;
    files.recheckAffected(new Set(['/w/a/sub']), (path) => path === '/w/a/sub/x.yaml');
    assert.deepEqual(published, ['/w/a/Dockerfile [/w/a/Dockerfile:v1]']);
  });
});
