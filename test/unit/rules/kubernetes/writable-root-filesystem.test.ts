import { ruleTester } from '../../../helpers/rule-tester';
import { deployment } from '../../../helpers/kubernetes-fixtures';

ruleTester('kubernetes/writable-root-filesystem', {
  valid: [
    { name: 'read-only root', code: deployment('      - name: web\n        securityContext:\n          readOnlyRootFilesystem: true\n') },
    { name: 'a Service has no containers', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n' },
  ],
  invalid: [
    {
      name: 'unset, container without a dash-line name (name is not the first key)',
      code: deployment('      - image: nginx:1.25\n        name: web\n'),
      errors: [{ range: '9:8-9:17' }],
      output: deployment('      - image: nginx:1.25\n        name: web\n        securityContext:\n          readOnlyRootFilesystem: true\n'),
    },
    {
      name: 'explicitly false, next to other settings',
      code: deployment('      - name: web\n        securityContext:\n          runAsNonRoot: true\n          readOnlyRootFilesystem: false\n        ports:\n        - containerPort: 80\n'),
      errors: [{ range: '8:8-8:17' }],
      output: deployment('      - name: web\n        securityContext:\n          runAsNonRoot: true\n          readOnlyRootFilesystem: true\n        ports:\n        - containerPort: 80\n'),
    },
    {
      name: 'unnamed container is reported on its first line',
      code: deployment('      - image: nginx:1.25\n'),
      errors: [{ range: '8:8-8:25' }],
    },
    {
      name: 'Japanese comment before the container keeps UTF-16 columns',
      code: deployment('      # ウェブサーバー\n      - name: ウェブ\n'),
      errors: [{ range: '9:8-9:17' }],
    },
  ],
});
