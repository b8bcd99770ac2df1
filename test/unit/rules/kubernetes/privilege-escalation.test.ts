import { pod } from '../../../helpers/kubernetes-fixtures';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('kubernetes/privilege-escalation', {
  valid: [
    { name: 'explicitly false', code: pod('  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n') },
    { name: 'Helm template document', code: pod('  - name: app\n    image: "{{ .Values.image }}"\n') },
  ],
  invalid: [
    {
      name: 'unset: fix adds a securityContext',
      code: pod('  - name: app\n    image: app:1\n'),
      errors: [{ range: '6:4-6:13', messageIncludes: 'does not set' }],
      output: pod('  - name: app\n    image: app:1\n    securityContext:\n      allowPrivilegeEscalation: false\n'),
    },
    {
      name: 'explicitly true',
      code: pod('  - name: app\n    securityContext: {allowPrivilegeEscalation: true}\n'),
      errors: [{ range: '6:4-6:13', messageIncludes: 'sets allowPrivilegeEscalation: true' }],
      output: pod('  - name: app\n    securityContext: {allowPrivilegeEscalation: false}\n'),
    },
    {
      name: 'written at pod level does not count (it is a container field)',
      code: pod('  - name: app\n', '  securityContext:\n    allowPrivilegeEscalation: false\n'),
      errors: [{ range: '8:4-8:13' }],
      output: pod('  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n', '  securityContext:\n    allowPrivilegeEscalation: false\n'),
    },
    {
      name: 'privileged container: no fix, the API would reject the combination',
      code: pod('  - name: app\n    securityContext: {privileged: true}\n'),
      errors: [{ range: '6:4-6:13' }],
      output: null,
    },
    {
      name: 'empty securityContext mapping',
      code: pod('  - name: app\n    securityContext: {}\n'),
      errors: [{ range: '6:4-6:13' }],
      output: pod('  - name: app\n    securityContext: { allowPrivilegeEscalation: false }\n'),
    },
    {
      name: 'null securityContext',
      code: pod('  - name: app\n    securityContext:\n    image: app:1\n'),
      errors: [{ range: '6:4-6:13' }],
      output: pod('  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n    image: app:1\n'),
    },
  ],
});
