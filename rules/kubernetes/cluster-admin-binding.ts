import { defineRule } from '../../server/src/engine/rule';
import { kubernetesObjects, nameOf } from '../../server/src/engine/kubernetes/workloads';
import { getIn, scalarOf } from '../../server/src/engine/kubernetes/yaml-ast';

const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);

export default defineRule({
  id: 'kubernetes/cluster-admin-binding',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.4.1#least-privilege',
  title: { en: 'Do not bind the cluster-admin role', ja: 'cluster-admin ロールをバインドしない' },
  messages: {
    clusterWide: {
      en: '{kind} "{name}" grants cluster-admin in every namespace: its subjects can do anything in the cluster, including reading every Secret and changing RBAC. Bind a ClusterRole or Role that lists only the resources and verbs they need.',
      ja: '{kind}「{name}」は全名前空間に cluster-admin を付与しています。対象の主体はクラスター内で何でもでき、すべての Secret の閲覧や RBAC の変更も可能です。必要なリソースと動詞だけを並べた ClusterRole か Role をバインドしてください。',
    },
    namespaced: {
      en: '{kind} "{name}" grants cluster-admin within its namespace: its subjects can do anything there, including reading every Secret and granting themselves more. Bind a Role that lists only the resources and verbs they need.',
      ja: '{kind}「{name}」は名前空間内で cluster-admin を付与しています。対象の主体はその名前空間で何でもでき、すべての Secret の閲覧や自分への権限追加も可能です。必要なリソースと動詞だけを並べた Role をバインドしてください。',
    },
  },
  peerIds: ['cluster-admin-role-binding'],
  check({ document, report }) {
    for (const { manifest, object, kind, kindRange } of kubernetesObjects(document)) {
      if (!BINDING_KINDS.has(kind) || !kindRange) continue;
      const roleName = scalarOf(getIn(manifest.yaml, object, ['roleRef', 'name']));
      const roleKind = scalarOf(getIn(manifest.yaml, object, ['roleRef', 'kind']));
      if (roleName !== 'cluster-admin' || (roleKind !== undefined && roleKind !== 'ClusterRole')) continue;
      const clusterWide = kind === 'ClusterRoleBinding';
      report({
        range: kindRange,
        messageId: clusterWide ? 'clusterWide' : 'namespaced',
        args: { kind, name: nameOf(manifest.yaml, object) ?? '(unnamed)' },
        data: { clusterWide },
      });
    }
  },
});
