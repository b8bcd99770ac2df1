import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { containerAt, containers, type ContainerRef } from '../../server/src/engine/kubernetes/workloads';
import { getIn, scalarOf } from '../../server/src/engine/kubernetes/yaml-ast';
import { editorFor } from '../../server/src/engine/kubernetes/yaml-edit';
import { PLACEHOLDER_RESOURCES } from './missing-resource-limits';

type ResourceName = 'cpu' | 'memory';
const RESOURCE_NAMES: readonly ResourceName[] = ['cpu', 'memory'];

function resourceValue(ref: ContainerRef, section: 'requests' | 'limits', name: ResourceName): string | number | undefined {
  const yaml = ref.workload.manifest.yaml;
  const values = getIn(yaml, ref.container, ['resources', section]);
  const value = isMap(values) ? scalarOf(getIn(yaml, values, [name])) : undefined;
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

function requiredResources(option: unknown): ResourceName[] {
  const names = Array.isArray(option) ? option : RESOURCE_NAMES;
  return RESOURCE_NAMES.filter((name) => names.includes(name));
}

/** With `limitsImplyRequests`, a limit alone is enough: Kubernetes copies it into the missing request. */
function missingRequests(ref: ContainerRef, required: readonly ResourceName[], limitsImplyRequests: boolean): ResourceName[] {
  return required.filter((name) => resourceValue(ref, 'requests', name) === undefined
    && !(limitsImplyRequests && resourceValue(ref, 'limits', name) !== undefined));
}

export default defineRule({
  id: 'kubernetes/missing-resource-requests',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.1.1#requests-and-limits',
  title: { en: 'Give every container CPU and memory requests', ja: 'すべてのコンテナに CPU とメモリの requests を設定する' },
  messages: {
    missing: {
      en: 'Container "{container}" has no {missing} request, so the scheduler places it blind and it is evicted first under pressure. Set {fields} from measured usage.',
      ja: 'コンテナ「{container}」に {missing} の request がないため、スケジューラーは必要量を知らずに配置し、逼迫時には真っ先に退避されます。実測値をもとに {fields} を設定してください。',
    },
  },
  options: {
    resources: {
      type: 'array',
      default: ['cpu', 'memory'],
      description: {
        en: 'Which requests are required: any of "cpu" and "memory".',
        ja: '必須とする request の種類（"cpu" と "memory" から選択）。',
      },
    },
    limitsImplyRequests: {
      type: 'boolean',
      default: true,
      description: {
        en: 'Accept a limit without a request, since Kubernetes then uses the limit as the request. Turn off to require requests written out.',
        ja: 'request がなくても limit があれば許容します（Kubernetes は limit を request として使うため）。オフにすると requests の明記を必須にします。',
      },
    },
  },
  fixable: 'quickfix',
  peerIds: ['unset-cpu-requirements', 'unset-memory-requirements'],
  check({ document, options, report }) {
    const required = requiredResources(options.resources);
    for (const ref of containers(document)) {
      const missing = missingRequests(ref, required, options.limitsImplyRequests !== false);
      if (missing.length === 0) continue;
      report({
        range: ref.reportRange,
        messageId: 'missing',
        args: { container: ref.name ?? '(unnamed)', missing: missing.join(' and '), fields: missing.map((name) => `resources.requests.${name}`).join(', ') },
        data: { container: ref.name ?? null, missing },
      });
    }
  },
  fix({ document, options, finding }) {
    const ref = containerAt(document, finding.range);
    if (!ref) return undefined;
    const missing = missingRequests(ref, requiredResources(options.resources), options.limitsImplyRequests !== false);
    if (missing.length === 0) return undefined;
    // Kubernetes rejects a request above its limit, so where a limit exists the request starts equal to it
    // (which is also what Kubernetes assumes when the request is left out).
    const requests = Object.fromEntries(missing.map((name) => [name, resourceValue(ref, 'limits', name) ?? PLACEHOLDER_RESOURCES.requests[name]]));
    const editor = editorFor(document.text, document.lines, ref.workload.manifest.yaml);
    return {
      title: { en: `Add ${missing.join(' and ')} requests (placeholder values)`, ja: `${missing.join(' と ')} の requests を追加する（仮の値）` },
      edits: editor.setResolved(ref.container, ['resources', 'requests'], requests),
    };
  },
});
