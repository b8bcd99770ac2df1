import { ruleTester } from '../../../helpers/rule-tester';

const deployment = (volumes: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ci-runner
spec:
  template:
    spec:
      containers:
      - name: runner
      volumes:
${volumes}`;

ruleTester('kubernetes/docker-socket-mount', {
  valid: [
    { name: 'other host paths are host-path-volume\'s business', code: deployment('      - name: logs\n        hostPath: {path: /var/log}\n') },
    { name: 'a socket-like name in a ConfigMap is not a mount', code: deployment('      - name: docker.sock\n        configMap: {name: docker-sock}\n') },
  ],
  invalid: [
    {
      name: '/var/run/docker.sock is an error, on kind',
      code: deployment('      - name: docker\n        hostPath:\n          path: /var/run/docker.sock\n          type: Socket\n'),
      errors: [{ range: '1:0-1:16', severity: 'error', messageIncludes: '"docker"' }],
      output: null,
    },
    {
      name: '/run/docker.sock with a doubled slash',
      code: deployment('      - name: docker\n        hostPath: {path: "/run//docker.sock"}\n'),
      errors: [{ range: '1:0-1:16' }],
    },
  ],
});
