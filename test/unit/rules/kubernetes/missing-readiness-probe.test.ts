import { workload } from '../../../helpers/kubernetes-fixtures';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('kubernetes/missing-readiness-probe', {
  valid: [
    { name: 'probe present', code: workload('Deployment', '      - name: web\n        readinessProbe:\n          httpGet: {path: /ready, port: 8080}\n') },
    { name: 'CronJobs are not long-running', code: 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: c\n' },
    { name: 'ReplicationController is legacy and left to the resource rules', code: workload('ReplicationController', '      - name: web\n', 'v1') },
  ],
  invalid: [
    {
      name: 'ReplicaSet with a UDP and a TCP port: the probe uses the TCP one',
      code: workload('ReplicaSet', '      - name: dns\n        ports:\n        - {containerPort: 53, protocol: UDP}\n        - {containerPort: 8053, protocol: TCP}\n'),
      errors: [{ range: '8:8-8:17' }],
      output: workload('ReplicaSet', '      - name: dns\n        ports:\n        - {containerPort: 53, protocol: UDP}\n        - {containerPort: 8053, protocol: TCP}\n        readinessProbe:\n          tcpSocket:\n            port: 8053\n          periodSeconds: 5\n          failureThreshold: 3\n'),
    },
    {
      name: 'each container of a multi-container pod',
      code: workload('Deployment', '      - name: web\n        readinessProbe: {tcpSocket: {port: 80}}\n      - name: sidecar\n      - name: proxy\n'),
      errors: [{ range: '10:8-10:21' }, { range: '11:8-11:19' }],
    },
  ],
});
