import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ruleTester } from '../../../helpers/rule-tester';
import { pod } from '../../../helpers/kubernetes-fixtures';
import { imagePin } from '../../../../rules/kubernetes/image-latest-tag';

ruleTester('kubernetes/image-latest-tag', {
  valid: [
    { name: 'version tag', code: pod('  - name: web\n    image: nginx:1.25.3\n') },
    { name: 'digest pins even with latest', code: pod('  - name: web\n    image: nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n') },
    { name: 'registry with port and a tag', code: pod('  - name: web\n    image: registry.local:5000/team/app:2.1\n') },
    { name: 'variables are resolved by a tool later', code: pod('  - name: web\n    image: $(IMAGE)\n') },
    { name: 'no image (filled in by a tool)', code: pod('  - name: web\n') },
  ],
  invalid: [
    {
      name: 'untagged',
      code: pod('  - name: web\n    image: nginx\n'),
      errors: [{ range: '6:4-6:13', messageIncludes: 'without a tag' }],
      output: null,
    },
    {
      name: 'registry port is not a tag',
      code: pod('  - name: web\n    image: registry:5000/app\n'),
      errors: [{ range: '6:4-6:13', messageIncludes: 'without a tag' }],
    },
    {
      name: 'latest in an init container',
      code: pod('  - name: web\n    image: nginx:1.25\n').replace('spec:\n', 'spec:\n  initContainers:\n  - name: init\n    image: "busybox:latest"\n'),
      errors: [{ range: '6:4-6:14', messageIncludes: ':latest tag moves' }],
    },
  ],
});

it('imagePin reads references the way registries do', () => {
  assert.equal(imagePin('nginx'), 'untagged');
  assert.equal(imagePin('nginx:latest'), 'latest');
  assert.equal(imagePin('localhost:5000/app'), 'untagged');
  assert.equal(imagePin('localhost:5000/app:latest'), 'latest');
  assert.equal(imagePin('ghcr.io/org/app:v1'), 'tag');
  assert.equal(imagePin('app@sha256:abc'), 'digest');
});
