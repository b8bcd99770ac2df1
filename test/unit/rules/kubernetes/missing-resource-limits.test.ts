import { ruleTester } from '../../../helpers/rule-tester';
import { deployment } from '../../../helpers/kubernetes-fixtures';

ruleTester('kubernetes/missing-resource-limits', {
  valid: [
    { name: 'memory limit set', code: deployment('      - name: web\n        resources:\n          limits: {memory: 256Mi}\n') },
    { name: 'CPU limit is optional by default', code: deployment('      - name: web\n        resources: {limits: {memory: 1Gi}, requests: {cpu: 100m}}\n') },
    { name: 'templated document', code: deployment('      - name: web\n        resources: {{ toYaml .Values.resources }}\n') },
  ],
  invalid: [
    {
      name: 'no resources: fix inserts requests and a memory limit',
      code: deployment('      - name: web\n        image: nginx:1.25\n'),
      errors: [{ range: '8:8-8:17', messageIncludes: 'no memory limit' }],
      output: deployment('      - name: web\n        image: nginx:1.25\n        resources:\n          requests:\n            cpu: 100m\n            memory: 128Mi\n          limits:\n            memory: 256Mi\n'),
    },
    {
      name: 'CPU limit required by option',
      code: deployment('      - name: web\n        resources:\n          limits:\n            memory: 256Mi\n'),
      settings: { rules: { 'kubernetes/missing-resource-limits': { options: { requireCpuLimit: true } } } },
      errors: [{ range: '8:8-8:17', messageIncludes: 'no cpu limit' }],
      output: deployment('      - name: web\n        resources:\n          limits:\n            memory: 256Mi\n            cpu: 500m\n'),
    },
    {
      name: 'flow container',
      code: deployment('      - {name: web, image: "nginx:1.25"}\n'),
      errors: [{ range: '8:9-8:18' }],
    },
  ],
});
