import { ruleTester } from '../../../helpers/rule-tester';
import { pod } from '../../../helpers/kubernetes-fixtures';

ruleTester('kubernetes/capabilities-not-dropped', {
  valid: [
    { name: 'drops ALL', code: pod('  - name: app\n    securityContext:\n      capabilities:\n        drop: [ALL]\n') },
    { name: 'drops ALL and adds a harmless one back', code: pod('  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n        add: [NET_BIND_SERVICE]\n') },
    { name: 'lower case and the CAP_ prefix are the same capability', code: pod('  - name: app\n    securityContext:\n      capabilities: {drop: [all]}\n') },
    {
      name: 'forbidden list is an option',
      code: pod('  - name: app\n    securityContext:\n      capabilities: {drop: [ALL], add: [NET_ADMIN]}\n'),
      settings: { rules: { 'kubernetes/capabilities-not-dropped': { options: { forbiddenAdd: ['SYS_ADMIN'] } } } },
    },
  ],
  invalid: [
    {
      name: 'no capabilities: fix adds drop: [ALL]',
      code: pod('  - name: app\n    image: app:1\n'),
      errors: [{ range: '6:4-6:13', data: { reason: 'drop' } }],
      output: pod('  - name: app\n    image: app:1\n    securityContext:\n      capabilities:\n        drop:\n          - ALL\n'),
    },
    {
      name: 'a narrower drop list in block style is replaced by ALL',
      code: pod('  - name: app\n    securityContext:\n      capabilities:\n        drop:\n        - NET_RAW\n'),
      errors: [{ range: '6:4-6:13' }],
      output: pod('  - name: app\n    securityContext:\n      capabilities:\n        drop:\n          - ALL\n'),
    },
    {
      name: 'flow-style drop list',
      code: pod('  - {name: app, securityContext: {capabilities: {drop: [NET_RAW]}}}\n'),
      errors: [{ range: '6:5-6:14' }],
      output: pod('  - {name: app, securityContext: {capabilities: {drop: [ ALL ]}}}\n'),
    },
    {
      name: 'dangerous add with ALL dropped: reported, no fix',
      code: pod('  - name: app\n    securityContext:\n      capabilities:\n        drop: [ALL]\n        add: [CAP_SYS_ADMIN, NET_ADMIN]\n'),
      errors: [{ range: '6:4-6:13', messageIncludes: 'SYS_ADMIN, NET_ADMIN', data: { reason: 'add' } }],
      output: null,
    },
    {
      name: 'both problems: two findings on the container',
      code: pod('  - name: app\n    securityContext:\n      capabilities:\n        add: [ALL]\n'),
      errors: [{ range: '6:4-6:13', data: { reason: 'drop' } }, { range: '6:4-6:13', data: { reason: 'add' } }],
    },
  ],
});
