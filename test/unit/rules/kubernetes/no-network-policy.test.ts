import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lint } from '../../../helpers/engine';
import { ruleTester } from '../../../helpers/rule-tester';
import { treeWorkspace } from './tree-workspace';

const deployment = (name: string, namespace = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  template:
    spec:
      containers: [{name: ${name}}]
`;

const policy = (namespace = '') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

ruleTester('kubernetes/no-network-policy', {
  valid: [
    { name: 'policy in the same file', code: `${deployment('web')}---\n${policy()}` },
    {
      name: 'policy for the namespace in a sibling file',
      path: '/repo/k8s/web.yaml',
      code: deployment('web', 'shop'),
      workspace: treeWorkspace({ '/repo/k8s/policies/deny.yaml': policy('shop') }),
    },
    { name: 'no workloads', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' },
    {
      name: 'not the first workload of the namespace in the folder',
      path: '/repo/k8s/web.yaml',
      code: deployment('web'),
      workspace: treeWorkspace({ '/repo/k8s/api.yaml': deployment('api') }),
    },
  ],
  invalid: [
    {
      name: 'one info per namespace, on its first workload',
      code: `${deployment('web')}---\n${deployment('api')}---\n${deployment('db', 'data')}`,
      errors: [{ range: '1:0-1:16', severity: 'info', messageIncludes: 'no NetworkPolicy in this folder' }, { range: '19:0-19:16', messageIncludes: 'namespace data' }],
      output: null,
    },
    {
      name: 'a policy for another namespace does not count',
      path: '/repo/k8s/web.yaml',
      code: deployment('web', 'shop'),
      workspace: treeWorkspace({ '/repo/k8s/deny.yaml': policy('payments') }),
      errors: [{ range: '1:0-1:16' }],
    },
  ],
});

it('kubernetes/no-network-policy: the workspace scan stays inside the document\'s folder', async () => {
  const workspace = treeWorkspace({ '/repo/other/deny.yaml': policy('shop'), '/repo/k8s/deep/a/b/c/d/deny.yaml': policy('shop') });
  const findings = (await lint('/repo/k8s/web.yaml', deployment('web', 'shop'), undefined, workspace)).filter((finding) => finding.ruleId === 'kubernetes/no-network-policy');
  assert.equal(findings.length, 1, 'neither a sibling folder nor a folder deeper than the bound is read');
  assert.ok(!workspace.reads.includes('/repo/other/deny.yaml'));
  assert.ok(!workspace.reads.includes('/repo/k8s/deep/a/b/c/d/deny.yaml'));
});
