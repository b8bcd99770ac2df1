import { defineRule } from '../../server/src/engine/rule';
import { insertProbeTemplate, reportMissingProbes } from '../../server/src/engine/kubernetes/probes';

const FIELD = 'readinessProbe' as const;

export default defineRule({
  id: 'kubernetes/missing-readiness-probe',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.1.1#health-probes',
  title: { en: 'Give long-running containers a readiness probe', ja: '常駐コンテナに readiness プローブを設定する' },
  messages: {
    missing: {
      en: 'Container "{container}" of {kind} "{workload}" has no readinessProbe, so it receives traffic the moment it starts, before it can serve, and during rollouts. Add a readinessProbe that checks the app can answer.',
      ja: '{kind}「{workload}」のコンテナ「{container}」に readinessProbe がないため、起動直後やロールアウト中のまだ応答できない時点からトラフィックを受けます。アプリが応答できることを確かめる readinessProbe を追加してください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['no-readiness-probe'],
  check: reportMissingProbes(FIELD),
  fix: insertProbeTemplate(FIELD),
});
