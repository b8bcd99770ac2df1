import { ruleTester } from '../../../helpers/rule-tester';

const deployment = (selector: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
${selector}  template:
    metadata:
      labels:
${labels}    spec:
      containers:
      - name: web
`;

ruleTester('kubernetes/selector-mismatch', {
  valid: [
    { name: 'matchLabels is a subset of the labels', code: deployment('    matchLabels:\n      app: web\n', '        app: web\n        tier: frontend\n') },
    { name: 'matchExpressions that hold', code: deployment('    matchExpressions:\n    - {key: tier, operator: In, values: [frontend, api]}\n    - {key: canary, operator: DoesNotExist}\n', '        tier: frontend\n') },
    { name: 'labels shared through an anchor', code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector:\n    matchLabels: &labels\n      app: web\n  template:\n    metadata:\n      labels: *labels\n    spec:\n      containers: [{name: web}]\n' },
    { name: 'numbers compare as the strings Kubernetes needs', code: deployment('    matchLabels: {version: "2"}\n', '        version: 2\n') },
  ],
  invalid: [
    {
      name: 'value differs',
      code: deployment('    matchLabels:\n      app: web\n', '        app: website\n'),
      errors: [{ range: '1:0-1:16', severity: 'error', messageIncludes: 'app=web', data: { requirements: ['app=web'] } }],
      output: null,
    },
    {
      name: 'failed expression',
      code: deployment('    matchExpressions:\n    - {key: tier, operator: NotIn, values: [batch]}\n', '        tier: batch\n'),
      errors: [{ range: '1:0-1:16', messageIncludes: 'tier NotIn [batch]' }],
    },
  ],
});
