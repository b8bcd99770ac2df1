import { ruleTester } from '../../../helpers/rule-tester';

const binding = (kind: string, roleName: string, roleKind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${roleKind}
  name: ${roleName}
subjects:
- kind: ServiceAccount
  name: ci
  namespace: build
`;

ruleTester('kubernetes/cluster-admin-binding', {
  valid: [
    { name: 'a narrower role', code: binding('ClusterRoleBinding', 'view') },
    { name: 'a namespaced Role that happens to be called cluster-admin', code: binding('RoleBinding', 'cluster-admin', 'Role') },
  ],
  invalid: [
    {
      name: 'ClusterRoleBinding to cluster-admin',
      code: binding('ClusterRoleBinding', 'cluster-admin'),
      errors: [{ range: '1:0-1:24', messageIncludes: 'in every namespace', data: { clusterWide: true } }],
      output: null,
    },
    {
      name: 'RoleBinding to cluster-admin is limited to a namespace but still too broad',
      code: binding('RoleBinding', 'cluster-admin'),
      errors: [{ range: '1:0-1:17', messageIncludes: 'within its namespace', data: { clusterWide: false } }],
    },
  ],
});
