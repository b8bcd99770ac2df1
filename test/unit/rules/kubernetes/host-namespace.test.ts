import { ruleTester } from '../../../helpers/rule-tester';

const daemonSet = (podLines: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
${podLines}      containers:
      - name: agent
`;

ruleTester('kubernetes/host-namespace', {
  valid: [
    { name: 'no host namespaces', code: daemonSet('') },
    { name: 'explicitly false', code: daemonSet('      hostNetwork: false\n      hostPID: false\n') },
    { name: 'pod-shaped custom resource', code: 'apiVersion: example.com/v1\nkind: Agent\nspec:\n  template:\n    spec:\n      hostNetwork: true\n' },
  ],
  invalid: [
    {
      name: 'all three, one finding on kind naming them',
      code: daemonSet('      hostNetwork: true\n      hostPID: true\n      hostIPC: true\n'),
      errors: [{ range: '1:0-1:15', messageIncludes: 'hostNetwork, hostPID, hostIPC', data: { fields: ['hostNetwork', 'hostPID', 'hostIPC'] } }],
      output: null,
    },
    {
      name: 'a bare Pod in flow style',
      code: '{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {hostPID: true, containers: [{name: a}]}}\n',
      errors: [{ range: '0:17-0:26', messageIncludes: 'hostPID' }],
    },
    {
      name: 'through a merge key',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  <<: {hostNetwork: true}\n  containers:\n  - name: a\n',
      errors: [{ range: '1:0-1:9', messageIncludes: 'hostNetwork' }],
    },
  ],
});
