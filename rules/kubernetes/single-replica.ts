import { defineRule } from '../../server/src/engine/rule';
import { kubernetesObjects } from '../../server/src/engine/kubernetes/workloads';
import { getIn, scalarOf } from '../../server/src/engine/kubernetes/yaml-ast';

const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet']);

export default defineRule({
  id: 'kubernetes/single-replica',
  language: 'kubernetes',
  defaultSeverity: 'info',
  skill: '4.5.1#availability',
  title: { en: 'Run more than one replica of a service', ja: 'サービスを複数レプリカで動かす' },
  messages: {
    single: {
      en: '{kind} "{name}" runs {replicas} replica: every node drain, rollout or crash is downtime. Run at least {minimum} replicas (and a PodDisruptionBudget) if it serves traffic.',
      ja: '{kind}「{name}」のレプリカは {replicas} つだけです。ノードのドレイン、ロールアウト、クラッシュのたびにサービスが止まります。トラフィックを受けるなら {minimum} つ以上（と PodDisruptionBudget）にしてください。',
    },
  },
  options: {
    minReplicas: {
      type: 'number',
      default: 2,
      description: {
        en: 'Fewest replicas accepted when replicas is written out. 0 is never reported: it is a deliberate scale-down.',
        ja: 'replicas を明記した場合に許容する最小数。0 は意図的な停止とみなし、報告しません。',
      },
    },
  },
  peerIds: ['minimum-three-replicas'],
  check({ document, options, report }) {
    const minimum = typeof options.minReplicas === 'number' ? options.minReplicas : 2;
    for (const { manifest, object, kind, kindRange } of kubernetesObjects(document)) {
      if (!REPLICATED_KINDS.has(kind) || !kindRange) continue;
      // Unset replicas is left alone: an autoscaler may own the count.
      const replicas = scalarOf(getIn(manifest.yaml, object, ['spec', 'replicas']));
      if (typeof replicas !== 'number' || replicas <= 0 || replicas >= minimum) continue;
      const name = scalarOf(getIn(manifest.yaml, object, ['metadata', 'name']));
      report({ range: kindRange, messageId: 'single', args: { kind, name: String(name ?? '(unnamed)'), replicas, minimum }, data: { replicas } });
    }
  },
});
