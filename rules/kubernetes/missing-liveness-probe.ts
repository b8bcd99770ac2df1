import { defineRule } from '../../server/src/engine/rule';
import { containersMissingProbe, hasProbe, probeTemplate } from '../../server/src/engine/kubernetes/probes';
import { containerAt, nameOf } from '../../server/src/engine/kubernetes/workloads';
import { editorFor } from '../../server/src/engine/kubernetes/yaml-edit';

const FIELD = 'livenessProbe';

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
      title: { en: `Add a TCP livenessProbe on port ${template.port} (adjust to a real health check)`, ja: `ポート ${template.port} への TCP livenessProbe を追加する（実際のヘルスチェックに調整）` },
      edits: editor.setResolved(ref.container, [FIELD], template.probe),
      // A template the user must adapt: not applied by "fix all".
      isPreferred: false,
    };
  },
});
