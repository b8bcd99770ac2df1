import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pod } from '../../../helpers/kubernetes-fixtures';
import { ruleTester } from '../../../helpers/rule-tester';
import { fixAt } from './fix-at';

ruleTester('kubernetes/privileged-container', {
  valid: [
    { name: 'not privileged', code: pod('  - name: app\n    securityContext: {privileged: false}\n') },
    { name: 'unset', code: pod('  - name: app\n') },
    { name: 'privileged at pod level is not a pod field', code: pod('  - name: app\n', '  securityContext:\n    privileged: true\n') },
    { name: 'string "true" is not the boolean', code: pod('  - name: app\n    securityContext: {privileged: "true"}\n') },
  ],
  invalid: [
    {
      name: 'block style: fix sets false',
      code: pod('  - name: app\n    securityContext:\n      privileged: true # needs devices\n'),
      errors: [{ range: '6:4-6:13', severity: 'error' }],
      output: pod('  - name: app\n    securityContext:\n      privileged: false # needs devices\n'),
    },
    {
      name: 'flow style',
      code: pod('  - {name: app, securityContext: {privileged: true}}\n'),
      errors: [{ range: '6:5-6:14' }],
      output: pod('  - {name: app, securityContext: {privileged: false}}\n'),
    },
    {
      name: 'ephemeral debug container',
      code: pod('  - name: app\n', '  ephemeralContainers:\n  - name: debug\n    securityContext:\n      privileged: true\n'),
      errors: [{ range: '6:4-6:15' }],
      output: pod('  - name: app\n', '  ephemeralContainers:\n  - name: debug\n    securityContext:\n      privileged: false\n'),
    },
  ],
});

it('kubernetes/privileged-container: a setting inherited through a merge key is overridden in the container, not in the anchor', async () => {
  const code = pod('  - &priv\n    name: a\n    securityContext: {privileged: true, runAsNonRoot: true}\n  - <<: *priv\n    name: b\n');
  assert.equal(
    await fixAt('kubernetes/privileged-container', code, '10:4-10:11'),
    pod('  - &priv\n    name: a\n    securityContext: {privileged: true, runAsNonRoot: true}\n  - <<: *priv\n    name: b\n    securityContext:\n      privileged: false\n      runAsNonRoot: true\n'),
  );
});
