import { ruleTester } from '../../../helpers/rule-tester';

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
  volumes:
${volumes}`;

ruleTester('kubernetes/host-path-volume', {
  valid: [
    { name: 'emptyDir and configMap volumes', code: pod('  - name: tmp\n    emptyDir: {}\n  - name: conf\n    configMap: {name: conf}\n') },
    {
      name: 'allowed path and below it, by option',
      code: pod('  - name: logs\n    hostPath: {path: /var/log/pods/}\n'),
      settings: { rules: { 'kubernetes/host-path-volume': { options: { allowedPaths: ['/var/log'] } } } },
    },
  ],
  invalid: [
    {
      name: 'one finding per hostPath volume, on kind',
      code: pod('  - name: root\n    hostPath:\n      path: /\n  - name: tmp\n    emptyDir: {}\n  - name: etc\n    hostPath: {path: /etc, type: Directory}\n'),
      errors: [{ range: '1:0-1:9', messageIncludes: '"root"' }, { range: '1:0-1:9', messageIncludes: '/etc' }],
      output: null,
    },
    {
      name: 'an allowed prefix does not allow a sibling',
      code: pod('  - name: logs\n    hostPath: {path: /var/logs}\n'),
      settings: { rules: { 'kubernetes/host-path-volume': { options: { allowedPaths: ['/var/log'] } } } },
      errors: [{ range: '1:0-1:9' }],
    },
  ],
});
