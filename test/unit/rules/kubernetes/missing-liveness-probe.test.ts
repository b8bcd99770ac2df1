import { workload } from '../../../helpers/kubernetes-fixtures';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('kubernetes/missing-liveness-probe', {
  valid: [
    { name: 'probe present', code: workload('Deployment', '      - name: web\n        livenessProbe:\n          httpGet: {path: /healthz, port: 8080}\n') },
    { name: 'Jobs finish on their own', code: workload('Job', '      - name: task\n', 'batch/v1') },
    { name: 'bare Pods are not controllers', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n' },
    { name: 'init containers run to completion', code: workload('Deployment', '      - name: web\n        livenessProbe: {tcpSocket: {port: 80}}\n').replace('      containers:', '      initContainers:\n      - name: migrate\n      containers:') },
  ],
  invalid: [
    {
      name: 'Deployment with a port: fix adds a TCP probe on it',
      code: workload('Deployment', '      - name: web\n        image: nginx:1.25\n        ports:\n        - containerPort: 8080\n'),
      errors: [{ range: '8:8-8:17', messageIncludes: 'Deployment "web"' }],
      output: workload('Deployment', '      - name: web\n        image: nginx:1.25\n        ports:\n        - containerPort: 8080\n        livenessProbe:\n          tcpSocket:\n            port: 8080\n          initialDelaySeconds: 10\n          periodSeconds: 10\n          failureThreshold: 3\n'),
    },
    {
      name: 'no port: reported without a guessed probe',
      code: workload('StatefulSet', '      - name: worker\n'),
      errors: [{ range: '8:8-8:20' }],
      output: null,
    },
    {
      name: 'null probe counts as missing; flow container',
      code: workload('DaemonSet', '      - {name: agent, ports: [{containerPort: 9100}], livenessProbe: null}\n'),
      errors: [{ range: '8:9-8:20' }],
      output: workload('DaemonSet', '      - {name: agent, ports: [{containerPort: 9100}], livenessProbe: { tcpSocket: { port: 9100 }, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3 }}\n'),
    },
  ],
});
