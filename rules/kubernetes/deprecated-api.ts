import { defineRule } from '../../server/src/engine/rule';
import { removedApi, type RemovedApi } from '../../server/src/engine/kubernetes/removed-apis';
import { kubernetesObjects, objectAt, type KubernetesObject } from '../../server/src/engine/kubernetes/workloads';
import { getIn, mapValue, scalarOf } from '../../server/src/engine/kubernetes/yaml-ast';
import { editorFor } from '../../server/src/engine/kubernetes/yaml-edit';

function apiVersionOf({ manifest, object }: KubernetesObject): string | undefined {
  const value = scalarOf(mapValue(manifest.yaml, object, 'apiVersion'));
  return typeof value === 'string' ? value : undefined;
}

/** Whether replacing the apiVersion alone yields a valid object of the new version. */
function onlyVersionChanges(target: KubernetesObject, removal: RemovedApi): boolean {
  if (!removal.replacement || removal.schema === 'changed') return false;
  if (removal.schema === 'same') return true;
  const yaml = target.manifest.yaml;
  // apps/v1 requires an explicit selector and dropped rollbackTo; the defaulted extensions selector must be written out first.
  return getIn(yaml, target.object, ['spec', 'selector']) !== undefined && getIn(yaml, target.object, ['spec', 'rollbackTo']) === undefined;
}

export default defineRule({
  id: 'kubernetes/deprecated-api',
  language: 'kubernetes',
  defaultSeverity: 'error',
  skill: '4.1.1#workload-reliability',
  title: { en: 'Use API versions that Kubernetes still serves', ja: 'Kubernetes が現在も提供している API バージョンを使う' },
  messages: {
    sameSchema: {
      en: '{kind} uses {apiVersion}, which Kubernetes {removedIn} and later no longer serve, so applying this file fails. Change apiVersion to {replacement}; the fields stay the same.',
      ja: '{kind} は {apiVersion} を使っていますが、Kubernetes {removedIn} 以降では提供されていないため適用に失敗します。apiVersion を {replacement} に変えてください（フィールドはそのままで構いません）。',
    },
    changedSchema: {
      en: '{kind} uses {apiVersion}, which Kubernetes {removedIn} and later no longer serve, so applying this file fails. Migrate it to {replacement}; some fields changed, so follow the migration guide rather than only the apiVersion.',
      ja: '{kind} は {apiVersion} を使っていますが、Kubernetes {removedIn} 以降では提供されていないため適用に失敗します。{replacement} へ移行してください。フィールドも変わっているため、apiVersion だけでなく移行ガイドに沿って書き換えが必要です。',
    },
    noSuccessor: {
      en: '{kind} uses {apiVersion}, which Kubernetes {removedIn} and later no longer serve, and it has no direct successor. Replace it with {replacement}.',
      ja: '{kind} は {apiVersion} を使っていますが、Kubernetes {removedIn} 以降では提供されておらず、直接の後継もありません。{replacement} に置き換えてください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['no-extensions-v1beta'],
  check({ document, report }) {
    for (const target of kubernetesObjects(document)) {
      const apiVersion = apiVersionOf(target);
      const removal = apiVersion ? removedApi(apiVersion, target.kind) : undefined;
      if (!apiVersion || !removal || !target.kindRange) continue;
      const messageId = !removal.replacement ? 'noSuccessor' : onlyVersionChanges(target, removal) ? 'sameSchema' : 'changedSchema';
      report({
        range: target.kindRange,
        messageId,
        args: { kind: target.kind, apiVersion, removedIn: removal.removedIn, replacement: removal.replacement ?? removal.alternative ?? '' },
        data: { apiVersion, replacement: removal.replacement ?? null },
      });
    }
  },
  fix({ document, finding }) {
    const target = objectAt(document, finding.range);
    const apiVersion = target ? apiVersionOf(target) : undefined;
    const removal = target && apiVersion ? removedApi(apiVersion, target.kind) : undefined;
    if (!target || !removal?.replacement || !onlyVersionChanges(target, removal)) return undefined;
    const editor = editorFor(document.text, document.lines, target.manifest.yaml);
    return {
      title: { en: `Change apiVersion to ${removal.replacement}`, ja: `apiVersion を ${removal.replacement} に変更する` },
      edits: editor.setResolved(target.object, ['apiVersion'], removal.replacement),
    };
  },
});
