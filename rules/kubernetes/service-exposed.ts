import { defineRule } from '../../server/src/engine/rule';
import { kubernetesObjects, nameOf } from '../../server/src/engine/kubernetes/workloads';
import { getIn, scalarOf } from '../../server/src/engine/kubernetes/yaml-ast';

const EXPOSED_TYPES = new Set(['LoadBalancer', 'NodePort']);

export default defineRule({
  id: 'kubernetes/service-exposed',
  language: 'kubernetes',
  defaultSeverity: 'info',
  skill: '4.4.2#segmentation',
  title: { en: 'Expose Services outside the cluster deliberately', ja: 'Service のクラスター外公開は意図して行う' },
  messages: {
    exposed: {
      en: 'Service "{name}" is of type {type}, reachable from outside the cluster. Use ClusterIP behind an Ingress or Gateway unless direct exposure is intended, and restrict who can reach it.',
      ja: 'Service「{name}」は {type} 型で、クラスター外から到達できます。直接公開が意図したものでなければ、ClusterIP にして Ingress や Gateway の背後に置き、到達できる範囲を制限してください。',
    },
  },
  peerIds: ['exposed-services'],
  check({ document, report }) {
    for (const { manifest, object, kind, kindRange } of kubernetesObjects(document)) {
      if (kind !== 'Service' || !kindRange) continue;
      const type = scalarOf(getIn(manifest.yaml, object, ['spec', 'type']));
      if (typeof type !== 'string' || !EXPOSED_TYPES.has(type)) continue;
      report({
        range: kindRange,
        messageId: 'exposed',
        args: { name: nameOf(manifest.yaml, object) ?? '(unnamed)', type },
        data: { type },
      });
    }
  },
});
