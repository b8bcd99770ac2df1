import { defineRule } from '../../server/src/engine/rule';
import { containersMissingProbe, hasProbe, probeTemplate } from '../../server/src/engine/kubernetes/probes';
import { containerAt, nameOf } from '../../server/src/engine/kubernetes/workloads';
import { editorFor } from '../../server/src/engine/kubernetes/yaml-edit';

const FIELD = 'readinessProbe';

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
  check({ document, report }) {
    for (const ref of containersMissingProbe(document, FIELD)) {
      report({
        range: ref.reportRange,
        messageId: 'missing',
        args: { container: ref.name ?? '(unnamed)', kind: ref.workload.kind, workload: nameOf(ref.workload.manifest.yaml, ref.workload.object) ?? '(unnamed)' },
        data: { container: ref.name ?? null },
      });
    }
  },
  fix({ document, finding }) {
    const ref = containerAt(document, finding.range, ['containers']);
    const template = ref && !hasProbe(ref, FIELD) ? probeTemplate(ref, FIELD) : undefined;
    if (!ref || !template) return undefined;
    const editor = editorFor(document.text, document.lines, ref.workload.manifest.yaml);
    return {
      title: { en: `Add a TCP readinessProbe on port ${template.port} (adjust to a real health check)`, ja: `ポート ${template.port} への TCP readinessProbe を追加する（実際のヘルスチェックに調整）` },
      edits: editor.setResolved(ref.container, [FIELD], template.probe),
      // A template the user must adapt: not applied by "fix all".
      isPreferred: false,
    };
  },
});
