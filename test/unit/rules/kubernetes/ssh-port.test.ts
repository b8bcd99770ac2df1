import { ruleTester } from '../../../helpers/rule-tester';

const deployment = (containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: box
spec:
  template:
    spec:
      containers:
${containers}`;

ruleTester('kubernetes/ssh-port', {
  valid: [
    { name: 'web port', code: deployment('      - name: web\n        ports: [{containerPort: 8080}]\n') },
    { name: 'port 22 over UDP is not SSH', code: deployment('      - name: odd\n        ports: [{containerPort: 22, protocol: UDP}]\n') },
    { name: 'port 2222 is not 22', code: deployment('      - name: web\n        ports: [{containerPort: 2222}]\n') },
  ],
  invalid: [
    {
      name: 'container port 22',
      code: deployment('      - name: sshd\n        ports:\n        - name: ssh\n          containerPort: 22\n'),
      errors: [{ range: '8:8-8:18' }],
      output: null,
    },
    {
      name: 'quoted port number and explicit TCP',
      code: deployment('      - name: sshd\n        ports: [{containerPort: "22", protocol: tcp}]\n'),
      errors: [{ range: '8:8-8:18' }],
    },
  ],
});
