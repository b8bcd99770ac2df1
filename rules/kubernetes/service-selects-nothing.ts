import { isMap, isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { selectorMatches, workspaceScope, type ScopedCustomResource } from '../../server/src/engine/kubernetes/workspace';
import { kubernetesObjects, namespaceOf, nameOf, stringMap } from '../../server/src/engine/kubernetes/workloads';
import { getIn, mapGet, scalarOf } from '../../server/src/engine/kubernetes/yaml-ast';

/** An unset namespace is decided at apply time (`kubectl -n`), so it is compatible with any explicit one. */
function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * Operators label the pods they create after their custom resource (a Prometheus named "self" runs pods
 * labelled prometheus=self). When a custom resource in scope carries a selected name or the selected labels,
 * its pods exist only at run time; the Service is then given the benefit of the doubt.
 */
function operatorMayCreate(resources: readonly ScopedCustomResource[], namespace: string | undefined, selector: Record<string, string>): boolean {
  const values = new Set(Object.values(selector));
  return resources.some((resource) => sameNamespace(namespace, resource.namespace)
    && ((resource.name !== undefined && values.has(resource.name)) || selectorMatches(selector, resource.labels)));
}

export default defineRule({
  id: 'kubernetes/service-selects-nothing',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.1.1#workload-reliability',
  title: { en: 'Make every Service select some pods', ja: 'すべての Service が Pod を選択するようにする' },
  messages: {
    nothing: {
      en: 'Service "{name}" selects {selector}, but no workload in this folder has pods with those labels: the Service has no endpoints and every request to it fails. Fix the selector or the pod template labels.',
      ja: 'Service「{name}」は {selector} を選択していますが、このフォルダー内にそのラベルを持つ Pod のワークロードがありません。エンドポイントが空になり、リクエストはすべて失敗します。セレクターか Pod テンプレートのラベルを修正してください。',
    },
    nothingInNamespace: {
      en: 'Service "{name}" selects {selector}, but no workload of namespace {namespace} in this folder has pods with those labels: the Service has no endpoints and every request to it fails. Fix the selector, the labels or the namespace.',
      ja: 'Service「{name}」は {selector} を選択していますが、このフォルダー内の名前空間 {namespace} にそのラベルを持つ Pod のワークロードがありません。エンドポイントが空になり、リクエストはすべて失敗します。セレクター、ラベル、名前空間のいずれかを修正してください。',
    },
  },
  peerIds: ['dangling-service'],
  check({ document, report }) {
    for (const { manifest, object, kind } of kubernetesObjects(document)) {
      if (kind !== 'Service') continue;
      const yaml = manifest.yaml;
      const spec = getIn(yaml, object, ['spec']);
      if (!isMap(spec) || scalarOf(getIn(yaml, spec, ['type'])) === 'ExternalName') continue;
      const selectorPair = mapGet(yaml, spec, 'selector');
      const selector = stringMap(yaml, selectorPair?.value);
      // No selector means endpoints are managed by hand (or by another controller): nothing to match.
      if (!selectorPair || !isScalar(selectorPair.key) || !selectorPair.key.range || Object.keys(selector).length === 0) continue;
      const scope = workspaceScope(document);
      const namespace = namespaceOf(yaml, object);
      // With no workload in scope for the Service's namespace, that namespace is deployed from elsewhere
      // (another repository, a chart, a managed add-on): there is nothing here to compare with.
      if (!scope.workloads.some((workload) => (namespace === undefined ? true : workload.namespace === namespace))) continue;
      const selected = scope.workloads.some((workload) => sameNamespace(namespace, workload.namespace) && selectorMatches(selector, workload.labels));
      if (selected || operatorMayCreate(scope.customResources, namespace, selector)) continue;
      report({
        range: document.lines.rangeOf(selectorPair.key.range[0], selectorPair.key.range[1]),
        messageId: namespace ? 'nothingInNamespace' : 'nothing',
        args: {
          name: nameOf(yaml, object) ?? '(unnamed)',
          selector: Object.entries(selector).map(([key, value]) => `${key}=${value}`).join(', '),
          namespace: namespace ?? '',
        },
        data: { selector: Object.entries(selector).map(([key, value]) => `${key}=${value}`) },
      });
    }
  },
});
