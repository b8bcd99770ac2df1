import { ruleTester } from '../../../helpers/rule-tester';

const service = (type: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${type ? `  type: ${type}\n` : ''}  selector: {app: web}
  ports:
  - port: 80
`;

ruleTester('kubernetes/service-exposed', {
  valid: [
    { name: 'ClusterIP by default', code: service('') },
    { name: 'explicit ClusterIP', code: service('ClusterIP') },
    { name: 'ExternalName', code: service('ExternalName') },
  ],
  invalid: [
    { name: 'LoadBalancer', code: service('LoadBalancer'), errors: [{ range: '1:0-1:13', severity: 'info', messageIncludes: 'LoadBalancer' }], output: null },
    { name: 'NodePort', code: service('NodePort'), errors: [{ range: '1:0-1:13', messageIncludes: 'NodePort' }] },
  ],
});
