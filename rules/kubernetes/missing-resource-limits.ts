import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { containers, type ContainerRef } from '../../server/src/engine/kubernetes/workloads';
import { getIn, mapChild, scalarOf } from '../../server/src/engine/kubernetes/yaml-ast';
import { YamlEditor } from '../../server/src/engine/kubernetes/yaml-edit';
import type { KubernetesDocument } from '../../server/src/engine/kubernetes/parse';
import type { Range, TextEdit } from '../../server/src/engine/types';

/** Placeholders the user is expected to tune; sized for a small service so the fix never starves a typical one. */
export const PLACEHOLDER_RESOURCES = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } };

function missingLimits(document: KubernetesDocument, ref: ContainerRef, requireCpuLimit: boolean): string[] {
  const yaml = ref.workload.manifest.yaml;
  const limits = getIn(yaml, ref.container, ['resources', 'limits']);
  const has = (name: string) => isMap(limits) && scalarOf(getIn(yaml, limits, [name])) !== undefined && scalarOf(getIn(yaml, limits, [name])) !== null;
  void document;
  return [...(has('memory') ? [] : ['memory']), ...(requireCpuLimit && !has('cpu') ? ['cpu'] : [])];
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export default defineRule({
  id: 'kubernetes/missing-resource-limits',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.1.1#requests-and-limits',
  title: { en: 'Give every container a memory limit', ja: 'すべてのコンテナにメモリ上限を設定する' },
  messages: {
    missing: {
      en: 'Container "{container}" has no {missing} limit, so one leak can starve its node. Set resources.limits.{first} (and requests) sized from real usage.',
      ja: 'コンテナ「{container}」に {missing} の上限がないため、1 つのリークでノード全体が圧迫されます。実測値をもとに resources.limits.{first}（と requests）を設定してください。',
    },
  },
  options: {
    requireCpuLimit: {
      type: 'boolean',
      default: false,
      description: {
        en: 'Also require a CPU limit. Off by default: CPU limits throttle even when the node is idle, and many teams rely on requests alone.',
        ja: 'CPU の上限も必須にします。既定はオフ：CPU 上限はノードが空いていてもスロットリングを起こすため、requests だけで運用するチームも多いからです。',
      },
    },
  },
  fixable: 'quickfix',
  peerIds: ['unset-memory-requirements'],
  check({ document, options, report }) {
    for (const ref of containers(document)) {
      const missing = missingLimits(document, ref, options.requireCpuLimit === true);
      if (missing.length === 0) continue;
      report({
        range: ref.reportRange,
        messageId: 'missing',
        args: { container: ref.name ?? '(unnamed)', missing: missing.join(' and '), first: missing[0] },
        data: { container: ref.name ?? null, missing },
      });
    }
  },
  fix({ document, options, finding }) {
    const ref = containers(document).find((candidate) => sameRange(candidate.reportRange, finding.range));
    if (!ref) return undefined;
    const requireCpuLimit = options.requireCpuLimit === true;
    const edits = resourceEdits(document, ref, requireCpuLimit);
    return edits.length === 0 ? undefined : {
      title: { en: 'Add resource requests and limits (placeholder values)', ja: 'リソースの requests と limits を追加する（仮の値）' },
      edits,
    };
  },
});

/** One edit that completes `resources` without touching values the user already wrote. */
function resourceEdits(document: KubernetesDocument, ref: ContainerRef, requireCpuLimit: boolean): TextEdit[] {
  const yaml = ref.workload.manifest.yaml;
  const editor = new YamlEditor(document.text, document.lines, yaml);
  const wanted = {
    requests: { ...PLACEHOLDER_RESOURCES.requests },
    limits: requireCpuLimit ? { ...PLACEHOLDER_RESOURCES.limits } : { memory: PLACEHOLDER_RESOURCES.limits.memory },
  };
  const resources = mapChild(yaml, ref.container, 'resources');
  if (!resources || resources.items.length === 0) return [editor.setIn(ref.container, ['resources'], wanted)];
  const limits = mapChild(yaml, resources, 'limits');
  if (!limits || limits.items.length === 0) return [editor.setIn(resources, ['limits'], wanted.limits)];
  const missing = missingLimits(document, ref, requireCpuLimit);
  // Keys go into one mapping with one edit each at the same place; join them so the edits never overlap.
  const values = Object.fromEntries(missing.map((name) => [name, wanted.limits[name as keyof typeof wanted.limits] ?? PLACEHOLDER_RESOURCES.limits.cpu]));
  const [first, ...rest] = Object.entries(values);
  if (!first) return [];
  const edit = editor.setIn(limits, [first[0]], first[1]);
  for (const [name, value] of rest) {
    const extra = editor.addKey(limits, name, value);
    edit.newText += extra.newText;
  }
  return [edit];
}
