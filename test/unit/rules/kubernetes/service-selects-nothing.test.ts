import { ruleTester } from '../../../helpers/rule-tester';
import { treeWorkspace } from './tree-workspace';

const service = (selector: string, namespace = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  selector:
${selector}  ports:
  - port: 80
`;

const deployment = (labels: string, namespace = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {${labels}}
    spec:
      containers: [{name: web}]
`;

const SERVICE_PATH = '/repo/k8s/service.yaml';

ruleTester('kubernetes/service-selects-nothing', {
  valid: [
    { name: 'workload in the same file', code: `${service('    app: web\n')}---\n${deployment('app: web, tier: frontend')}` },
    {
      name: 'workload in a sibling file',
      path: SERVICE_PATH,
      code: service('    app: web\n'),
      workspace: treeWorkspace({ '/repo/k8s/deploy.yaml': deployment('app: web') }),
    },
    {
      name: 'workload in a subfolder',
      path: SERVICE_PATH,
      code: service('    app: web\n'),
      workspace: treeWorkspace({ '/repo/k8s/apps/web/deploy.yml': deployment('app: web') }),
    },
    { name: 'no workloads at all: the pods come from elsewhere', code: service('    app: web\n') },
    { name: 'no selector: endpoints managed by hand', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports: [{port: 5432}]\n' },
    {
      name: 'an operator-managed custom resource named like the selector',
      code: `${service('    prometheus: main\n')}---\napiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: main\n---\n${deployment('app: other')}`,
    },
    {
      name: 'no workload of the Service\'s namespace in scope',
      code: `${service('    app: web\n', 'monitoring')}---\n${deployment('app: other', 'shop')}`,
    },
  ],
  invalid: [
    {
      name: 'selector matches no template in the file, reported on selector:',
      code: `${service('    app: web\n')}---\n${deployment('app: website')}`,
      errors: [{ range: '5:2-5:10', messageIncludes: 'app=web', data: { selector: ['app=web'] } }],
      output: null,
    },
    {
      name: 'sibling workload in another explicit namespace',
      path: SERVICE_PATH,
      code: service('    app: web\n', 'shop'),
      workspace: treeWorkspace({ '/repo/k8s/deploy.yaml': deployment('app: web', 'staging'), '/repo/k8s/other.yaml': deployment('app: api', 'shop') }),
      errors: [{ range: '6:2-6:10', messageIncludes: 'namespace shop' }],
    },
    {
      name: 'every selector pair must match',
      path: SERVICE_PATH,
      code: service('    app: web\n    tier: frontend\n'),
      workspace: treeWorkspace({ '/repo/k8s/deploy.yaml': deployment('app: web, tier: backend'), '/repo/k8s/notes.txt': 'app: web', '/repo/k8s/chart/templates/deploy.yaml': '{{ template }}' }),
      errors: [{ range: '5:2-5:10' }],
    },
  ],
});
