import { ruleTester } from '../../../helpers/rule-tester';
import { pod } from '../../../helpers/kubernetes-fixtures';

ruleTester('kubernetes/host-port', {
  valid: [
    { name: 'container ports only', code: pod('  - name: web\n    ports:\n    - containerPort: 80\n') },
    { name: 'hostPort 0 means none', code: pod('  - name: web\n    ports: [{containerPort: 80, hostPort: 0}]\n') },
  ],
  invalid: [
    {
      name: 'hostPort on the container, all listed',
      code: pod('  - name: web\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n    - {containerPort: 443, hostPort: 8443}\n'),
      errors: [{ range: '6:4-6:13', messageIncludes: '8080, 8443', data: { ports: ['8080', '8443'] } }],
      output: null,
    },
    {
      name: 'init containers too',
      code: pod('  - name: web\n').replace('spec:\n', 'spec:\n  initContainers:\n  - name: init\n    ports: [{containerPort: 9, hostPort: 9}]\n'),
      errors: [{ range: '6:4-6:14' }],
    },
  ],
});
