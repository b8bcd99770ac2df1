import { defineRule } from '../../server/src/engine/rule';
import { kubernetesObjects, namespaceOf } from '../../server/src/engine/kubernetes/workloads';

export default defineRule({
  id: 'kubernetes/default-namespace',
  language: 'kubernetes',
  defaultSeverity: 'info',
  skill: '4.1.1#workload-reliability',
  title: { en: 'Do not deploy into the default namespace', ja: 'default 名前空間にデプロイしない' },
  messages: {
    defaultNamespace: {
      en: '{kind} is placed in the "default" namespace, which every user and tool falls back to: quotas, RBAC and NetworkPolicies cannot be scoped to this application. Give it its own namespace.',
      ja: '{kind} が「default」名前空間に置かれています。誰もが既定で使う場所なので、クォータ・RBAC・NetworkPolicy をこのアプリケーションだけに絞れません。専用の名前空間を使ってください。',
    },
  },
  peerIds: ['use-namespace'],
  check({ document, report }) {
    for (const { manifest, object, kind, kindRange } of kubernetesObjects(document)) {
      if (!kindRange || namespaceOf(manifest.yaml, object) !== 'default') continue;
      report({ range: kindRange, messageId: 'defaultNamespace', args: { kind } });
    }
  },
});
