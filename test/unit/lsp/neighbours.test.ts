import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { affectedByNeighbours } from '../../../server/src/lsp/neighbours';

describe('affectedByNeighbours', () => {
  const open = ['file:///w/app/Dockerfile', 'file:///w/app/k8s/deploy.yaml', 'file:///w/infra/main.tf', 'file:///w/application/Dockerfile'];

  it('re-checks documents in the changed file\'s folder and in the folders above it, not beside it', () => {
    assert.deepEqual(affectedByNeighbours(new Set(['/w/app']), open), ['file:///w/app/Dockerfile']);
    assert.deepEqual(affectedByNeighbours(new Set(['/w/app/k8s/base']), open), ['file:///w/app/Dockerfile', 'file:///w/app/k8s/deploy.yaml']);
    assert.deepEqual(affectedByNeighbours(new Set(['/w/infra']), open), ['file:///w/infra/main.tf']);
  });

  it('does not take a folder whose name merely starts the same for a parent', () => {
    assert.deepEqual(affectedByNeighbours(new Set(['/w/application']), open), ['file:///w/application/Dockerfile']);
  });

  it('nothing changed, nothing to do', () => {
    assert.deepEqual(affectedByNeighbours(new Set(), open), []);
  });
});
