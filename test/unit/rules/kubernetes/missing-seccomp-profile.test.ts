import { ruleTester } from '../../../helpers/rule-tester';

const deployment = (podLines: string, containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
${podLines}      containers:
${containers}`;

ruleTester('kubernetes/missing-seccomp-profile', {
  valid: [
    { name: 'pod RuntimeDefault', code: deployment('      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n', '      - name: web\n') },
    { name: 'every container Localhost', code: deployment('', '      - name: web\n        securityContext:\n          seccompProfile: {type: Localhost, localhostProfile: web.json}\n') },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n' },
  ],
  invalid: [
    {
      name: 'nothing set: one finding on kind, fix sets the pod profile',
      code: deployment('', '      - name: web\n      - name: sidecar\n'),
      errors: [{ range: '1:0-1:16', messageIncludes: 'container "web", "sidecar"', data: { level: 'pod' } }],
      output: deployment('', '      - name: web\n      - name: sidecar\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n'),
    },
    {
      name: 'pod Unconfined is replaced',
      code: deployment('      securityContext:\n        seccompProfile: {type: Unconfined}\n', '      - name: web\n'),
      errors: [{ range: '1:0-1:16' }],
      output: deployment('      securityContext:\n        seccompProfile: {type: RuntimeDefault}\n', '      - name: web\n'),
    },
    {
      name: 'container Unconfined overrides a confined pod: reported on the container',
      code: deployment('      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n', '      - name: web\n        securityContext:\n          seccompProfile:\n            type: Unconfined\n'),
      errors: [{ range: '11:8-11:17', data: { level: 'container' } }],
      output: deployment('      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n', '      - name: web\n        securityContext:\n          seccompProfile:\n            type: RuntimeDefault\n'),
    },
    {
      name: 'ephemeral containers inherit like the others',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  ephemeralContainers:\n  - name: debug\n',
      errors: [{ range: '1:0-1:9', messageIncludes: 'Pod "p" runs container "debug"' }],
    },
  ],
});
