import { ruleTester } from '../../../helpers/rule-tester';

const role = (rules: string, kind = 'ClusterRole', extra = '') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: reader
${extra}rules:
${rules}`;

ruleTester('kubernetes/rbac-wildcard', {
  valid: [
    { name: 'explicit lists', code: role('- apiGroups: [""]\n  resources: [pods]\n  verbs: [get, list, watch]\n') },
    { name: 'aggregated ClusterRole', code: role('[]\n', 'ClusterRole', 'aggregationRule:\n  clusterRoleSelectors:\n  - matchLabels: {rbac.example.com/aggregate-to-monitoring: "true"}\n') },
    { name: 'wildcard only in nonResourceURLs', code: role('- nonResourceURLs: ["*"]\n  verbs: [get]\n') },
    { name: 'a resource name containing * is not a wildcard entry', code: role('- apiGroups: [""]\n  resources: ["pods/*"]\n  verbs: [get]\n', 'Role') },
  ],
  invalid: [
    {
      name: 'wildcard verbs on one resource: warning',
      code: role('- apiGroups: [""]\n  resources: [configmaps]\n  verbs: ["*"]\n', 'Role'),
      errors: [{ range: '1:0-1:10', severity: 'warning', messageIncludes: 'rules[0].verbs' }],
      output: null,
    },
    {
      name: 'every verb on every resource: error',
      code: role('- apiGroups: [""]\n  resources: [pods]\n  verbs: [get]\n- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: ["*"]\n'),
      errors: [{ range: '1:0-1:17', severity: 'error', messageIncludes: 'rules[1].apiGroups, rules[1].resources, rules[1].verbs' }],
    },
  ],
});
