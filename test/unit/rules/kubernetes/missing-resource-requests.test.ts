import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ruleTester } from '../../../helpers/rule-tester';
import { deployment } from '../../../helpers/kubernetes-fixtures';
import { fixAt } from './fix-at';

ruleTester('kubernetes/missing-resource-requests', {
  valid: [
    { name: 'both requests', code: deployment('        - name: web\n          image: nginx:1.25\n          resources:\n            requests: {cpu: 100m, memory: 64Mi}\n') },
    { name: 'limits stand in for requests by default', code: deployment('        - name: web\n          resources:\n            limits:\n              cpu: 500m\n              memory: 256Mi\n') },
    {
      name: 'only memory required by option',
      code: deployment('        - name: web\n          resources:\n            requests:\n              memory: 64Mi\n'),
      settings: { rules: { 'kubernetes/missing-resource-requests': { options: { resources: ['memory'] } } } },
    },
    { name: 'Helm template is skipped', code: deployment('        - name: {{ .Values.name }}\n          image: nginx\n') },
    { name: 'not Kubernetes', code: 'services:\n  web:\n    image: nginx\n' },
    { name: 'custom resource with a pod-shaped spec', code: 'apiVersion: example.com/v1\nkind: Widget\nspec:\n  template:\n    spec:\n      containers:\n        - name: x\n' },
  ],
  invalid: [
    {
      name: 'no resources: both named, fix inserts requests in dash style',
      code: deployment('        - name: web\n          image: nginx:1.25\n'),
      errors: [{ range: '8:10-8:19', messageIncludes: 'cpu and memory request', data: { missing: ['cpu', 'memory'] } }],
      output: deployment('        - name: web\n          image: nginx:1.25\n          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n'),
    },
    {
      name: 'only the cpu request missing: fix adds it beside memory',
      code: deployment('        - name: web\n          resources:\n            requests:\n              memory: 64Mi\n'),
      errors: [{ range: '8:10-8:19', messageIncludes: 'no cpu request' }],
      output: deployment('        - name: web\n          resources:\n            requests:\n              memory: 64Mi\n              cpu: 100m\n'),
    },
    {
      name: 'limit without request when limits must not stand in: the request copies the limit',
      code: deployment('        - name: web\n          resources:\n            limits: {memory: 64Mi}\n            requests: {cpu: 50m}\n'),
      settings: { rules: { 'kubernetes/missing-resource-requests': { options: { limitsImplyRequests: false } } } },
      errors: [{ range: '8:10-8:19', messageIncludes: 'memory request' }],
      output: deployment('        - name: web\n          resources:\n            limits: {memory: 64Mi}\n            requests: {cpu: 50m, memory: 64Mi}\n'),
    },
    {
      name: 'flow-style container',
      code: deployment('        - {name: web, image: "nginx:1.25"}\n'),
      errors: [{ range: '8:11-8:20' }],
      output: deployment('        - {name: web, image: "nginx:1.25", resources: { requests: { cpu: 100m, memory: 128Mi } }}\n'),
    },
    {
      name: 'init containers and CronJobs count; CRLF is kept',
      code: 'apiVersion: batch/v1\r\nkind: CronJob\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          initContainers:\r\n          - name: setup\r\n            image: busybox:1.36\r\n',
      errors: [{ range: '8:12-8:23' }],
      output: 'apiVersion: batch/v1\r\nkind: CronJob\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          initContainers:\r\n          - name: setup\r\n            image: busybox:1.36\r\n            resources:\r\n              requests:\r\n                cpu: 100m\r\n                memory: 128Mi\r\n',
    },
  ],
});

it('kubernetes/missing-resource-requests: resources inherited through a merge key are copied, not edited in the anchor', async () => {
  const code = deployment('        - &base\n          name: a\n          resources:\n            limits: {memory: 1Gi}\n        - <<: *base\n          name: b\n');
  const settings = { rules: { 'kubernetes/missing-resource-requests': { options: { limitsImplyRequests: false } } } };
  assert.equal(
    await fixAt('kubernetes/missing-resource-requests', code, '13:10-13:17', settings),
    deployment('        - &base\n          name: a\n          resources:\n            limits: {memory: 1Gi}\n        - <<: *base\n          name: b\n          resources:\n            limits:\n              memory: 1Gi\n            requests:\n              cpu: 100m\n              memory: 1Gi\n'),
  );
});
