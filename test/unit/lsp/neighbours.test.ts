import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { affectedByNeighbours } from '../../../server/src/lsp/neighbours';

describe('affectedByNeighbours', () => {
  const files = ['/w/app/Dockerfile', '/w/app/k8s/deploy.yaml', '/w/infra/main.tf', '/w/application/Dockerfile'];

  it('re-checks files in the changed file\'s folder and in the folders above it, not beside it', () => {
    assert.deepEqual(affectedByNeighbours(new Set(['/w/app']), files), ['/w/app/Dockerfile']);
    assert.deepEqual(affectedByNeighbours(new Set(['/w/app/k8s/base']), files), ['/w/app/Dockerfile', '/w/app/k8s/deploy.yaml']);
    assert.deepEqual(affectedByNeighbours(new Set(['/w/infra', '/w/app/k8s']), files), ['/w/app/Dockerfile', '/w/app/k8s/deploy.yaml', '/w/infra/main.tf']);
  });

  it('does not take a folder whose name merely starts the same for a parent', () => {
    assert.deepEqual(affectedByNeighbours(new Set(['/w/application']), files), ['/w/application/Dockerfile']);
  });

  it('nothing changed, nothing to do', () => {
    assert.deepEqual(affectedByNeighbours(new Set(), files), []);
  });
});
