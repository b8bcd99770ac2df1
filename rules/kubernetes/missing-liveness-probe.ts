import { defineRule } from '../../server/src/engine/rule';
import { insertProbeTemplate, reportMissingProbes } from '../../server/src/engine/kubernetes/probes';

const FIELD = 'livenessProbe' as const;

export default defineRule({
  id: 'kubernetes/missing-liveness-probe',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.1.1#health-probes',
  title: { en: 'Give long-running containers a liveness probe', ja: '常駐コンテナに liveness プローブを設定する' },
  messages: {
    missing: {
      en: 'Container "{container}" of {kind} "{workload}" has no livenessProbe, so a hung process keeps its pod "Running" forever. Add a livenessProbe that fails only when a restart would help.',
      ja: '{kind}「{workload}」のコンテナ「{container}」に livenessProbe がないため、ハングしたプロセスの Pod も Running のまま放置されます。再起動で回復する場合にだけ失敗する livenessProbe を追加してください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['no-liveness-probe'],
  check: reportMissingProbes(FIELD),
  fix: insertProbeTemplate(FIELD),
});
