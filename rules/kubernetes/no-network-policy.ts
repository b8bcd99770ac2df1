import { defineRule } from '../../server/src/engine/rule';
import { workloads } from '../../server/src/engine/kubernetes/workloads';
import { workspaceScope, type WorkspaceScope } from '../../server/src/engine/kubernetes/workspace';

/**
 * Whether some NetworkPolicy can apply to a namespace. An unset namespace is decided at apply time, so a policy
 * without one may land anywhere and a workload without one may land beside any policy: both count as covered.
 */
function covered(scope: WorkspaceScope, namespace: string | undefined): boolean {
  if (scope.policyNamespaces.size === 0) return false;
  return namespace === undefined || scope.policyNamespaces.has(namespace) || scope.policyNamespaces.has(undefined);
}

export default defineRule({
  id: 'kubernetes/no-network-policy',
  language: 'kubernetes',
  defaultSeverity: 'info',
  skill: '4.4.2#segmentation',
  title: { en: 'Restrict pod traffic with a NetworkPolicy', ja: 'NetworkPolicy で Pod の通信を制限する' },
  messages: {
    none: {
      en: 'No NetworkPolicy in this folder applies to namespace {namespace}, so any pod in the cluster can reach these workloads and they can reach anything. Add a default-deny NetworkPolicy, then allow the flows each workload needs.',
      ja: 'このフォルダーには名前空間 {namespace} に適用される NetworkPolicy がありません。クラスター内のどの Pod からもこれらのワークロードに到達でき、ワークロードからもどこへでも通信できます。既定で拒否する NetworkPolicy を追加し、各ワークロードに必要な通信だけを許可してください。',
    },
    noneUnset: {
      en: 'There is no NetworkPolicy in this folder, so any pod in the cluster can reach these workloads and they can reach anything. Add a default-deny NetworkPolicy, then allow the flows each workload needs.',
      ja: 'このフォルダーには NetworkPolicy がありません。クラスター内のどの Pod からもこれらのワークロードに到達でき、ワークロードからもどこへでも通信できます。既定で拒否する NetworkPolicy を追加し、各ワークロードに必要な通信だけを許可してください。',
    },
  },
  peerIds: ['non-isolated-pod'],
  check({ document, report }) {
    // Only a file with workloads can carry this finding; skip the folder scan for everything else.
    if (workloads(document).length === 0) return;
    const scope = workspaceScope(document);
    const seen = new Set<string>();
    for (const candidate of scope.workloads) {
      const key = candidate.namespace ?? '';
      // One finding per namespace, on the first workload in path order, so the folder shows it once.
      if (seen.has(key)) continue;
      seen.add(key);
      const kindRange = candidate.workload?.kindRange;
      if (!kindRange || covered(scope, candidate.namespace)) continue;
      report({
        range: kindRange,
        messageId: candidate.namespace ? 'none' : 'noneUnset',
        args: { namespace: candidate.namespace ?? '' },
        data: { namespace: candidate.namespace ?? null },
      });
    }
  },
});
