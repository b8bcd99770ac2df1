import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from '../../../server/src/engine/detect';

describe('detectLanguage', () => {
  it('recognises Dockerfile names', () => {
    for (const name of ['Dockerfile', 'Containerfile', 'api.Dockerfile', 'Dockerfile.debug', 'web-Dockerfile', 'svc__Dockerfile', 'src__app__Dockerfile.debug']) {
      assert.equal(detectLanguage(`/repo/${name}`), 'dockerfile', name);
    }
  });

  it('recognises YAML and Terraform, and ignores the rest', () => {
    assert.equal(detectLanguage('/repo/deploy.yaml'), 'kubernetes');
    assert.equal(detectLanguage('/repo/deploy.YML'), 'kubernetes');
    assert.equal(detectLanguage('/repo/main.tf'), 'terraform');
    assert.equal(detectLanguage('/repo/terraform.tfvars'), undefined);
    assert.equal(detectLanguage('/repo/README.md'), undefined);
    assert.equal(detectLanguage('/repo/dockerfiles'), undefined);
    assert.equal(detectLanguage('/repo/mydockerfile'), undefined);
  });

  it('leaves a Dockerfile\'s own ignore file alone, whatever the editor calls it', () => {
    for (const name of ['.dockerignore', 'Dockerfile.dockerignore', 'Dockerfile.prod.dockerignore', 'api.Dockerfile.dockerignore', 'good.Dockerfile.dockerignore']) {
      assert.equal(detectLanguage(`/repo/${name}`), undefined, name);
      assert.equal(detectLanguage(`/repo/${name}`, 'ignore'), undefined, name);
    }
  });

  it('trusts the editor language id', () => {
    assert.equal(detectLanguage('/repo/untitled-1', 'dockerfile'), 'dockerfile');
    assert.equal(detectLanguage('/repo/x.txt', 'terraform'), 'terraform');
    assert.equal(detectLanguage('/repo/x', 'yaml'), 'kubernetes');
  });
});
