import { ruleTester } from '../../../helpers/rule-tester';

const deployment = (specLines: string, kind = 'Deployment') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
${specLines}  template:
    spec:
      containers:
      - name: web
`;

ruleTester('kubernetes/single-replica', {
  valid: [
    { name: 'replicas unset (an autoscaler may own it)', code: deployment('') },
    { name: 'three replicas', code: deployment('  replicas: 3\n') },
    { name: 'scaled to zero on purpose', code: deployment('  replicas: 0\n') },
    { name: 'DaemonSets have no replicas', code: deployment('  replicas: 1\n', 'DaemonSet') },
    {
      name: 'two replicas meet the default minimum',
      code: deployment('  replicas: 2\n'),
    },
  ],
  invalid: [
    {
      name: 'explicit single replica, info on kind',
      code: deployment('  replicas: 1\n'),
      errors: [{ range: '1:0-1:16', severity: 'info', messageIncludes: '"web" runs 1 replica' }],
      output: null,
    },
    {
      name: 'StatefulSet below a raised minimum',
      code: deployment('  replicas: 2\n', 'StatefulSet'),
      settings: { rules: { 'kubernetes/single-replica': { options: { minReplicas: 3 } } } },
      errors: [{ range: '1:0-1:17' }],
    },
  ],
});
