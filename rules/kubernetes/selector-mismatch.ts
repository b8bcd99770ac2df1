import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { nameOf, podLabels, stringMap, workloads } from '../../server/src/engine/kubernetes/workloads';
import { getIn, mapValue, scalarOf, seqItems } from '../../server/src/engine/kubernetes/yaml-ast';
import type { Document, Node } from 'yaml';

const SELECTING_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** Requirements of a `matchExpressions` list that the labels fail, in words (`tier In [web]`). */
function failedExpressions(yaml: Document, expressions: Node | undefined, labels: Record<string, string>): string[] {
  const failed: string[] = [];
  for (const expression of seqItems(yaml, expressions)) {
    if (!isMap(expression)) continue;
    const key = scalarOf(mapValue(yaml, expression, 'key'));
    const operator = scalarOf(mapValue(yaml, expression, 'operator'));
    const values = seqItems(yaml, mapValue(yaml, expression, 'values')).map((item) => String(scalarOf(item)));
    if (typeof key !== 'string' || typeof operator !== 'string') continue;
    const present = key in labels;
    const holds = operator === 'In' ? present && values.includes(labels[key])
      : operator === 'NotIn' ? !present || !values.includes(labels[key])
        : operator === 'Exists' ? present
          : operator === 'DoesNotExist' ? !present
            : true;
    if (!holds) failed.push(`${key} ${operator}${values.length > 0 ? ` [${values.join(', ')}]` : ''}`);
  }
  return failed;
}

export default defineRule({
  id: 'kubernetes/selector-mismatch',
  language: 'kubernetes',
  defaultSeverity: 'error',
  skill: '4.1.1#workload-reliability',
  title: { en: 'Make a controller\'s selector match its pod template labels', ja: 'コントローラーのセレクターを Pod テンプレートのラベルと一致させる' },
  messages: {
    mismatch: {
      en: '{kind} "{name}" selects pods by {requirements}, but its own pod template does not carry them: the API server rejects it (or it never owns its pods). Make spec.selector and spec.template.metadata.labels agree.',
      ja: '{kind}「{name}」は {requirements} で Pod を選択していますが、自身の Pod テンプレートにそのラベルがありません。API サーバーに拒否されるか、自分の Pod を管理できません。spec.selector と spec.template.metadata.labels を一致させてください。',
    },
  },
  peerIds: ['mismatching-selector'],
  check({ document, report }) {
    for (const workload of workloads(document)) {
      if (!SELECTING_KINDS.has(workload.kind) || !workload.kindRange) continue;
      const yaml = workload.manifest.yaml;
      const selector = getIn(yaml, workload.object, ['spec', 'selector']);
      if (!isMap(selector)) continue;
      const labels = podLabels(workload);
      const missing = Object.entries(stringMap(yaml, mapValue(yaml, selector, 'matchLabels')))
        .filter(([key, value]) => labels[key] !== value)
        .map(([key, value]) => `${key}=${value}`);
      const failed = [...missing, ...failedExpressions(yaml, mapValue(yaml, selector, 'matchExpressions'), labels)];
      if (failed.length === 0) continue;
      report({
        range: workload.kindRange,
        messageId: 'mismatch',
        args: { kind: workload.kind, name: nameOf(yaml, workload.object) ?? '(unnamed)', requirements: failed.join(', ') },
        data: { requirements: failed },
      });
    }
  },
});
