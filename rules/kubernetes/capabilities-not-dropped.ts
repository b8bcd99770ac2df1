import { defineRule } from '../../server/src/engine/rule';
import { containerSecurityContext } from '../../server/src/engine/kubernetes/security-context';
import { ALL_CONTAINER_GROUPS, containerAt, containers, type ContainerRef } from '../../server/src/engine/kubernetes/workloads';
import { getIn, scalarOf, seqItems } from '../../server/src/engine/kubernetes/yaml-ast';
import { editorFor } from '../../server/src/engine/kubernetes/yaml-edit';

const DEFAULT_FORBIDDEN_ADD = ['SYS_ADMIN', 'NET_ADMIN', 'ALL'];

/** Capability names are written with or without `CAP_`, in any case; compare them the way the runtime does. */
function normalizeCapability(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

function capabilityList(ref: ContainerRef, list: 'add' | 'drop'): string[] {
  const context = containerSecurityContext(ref);
  if (!context) return [];
  const yaml = ref.workload.manifest.yaml;
  return seqItems(yaml, getIn(yaml, context, ['capabilities', list]))
    .map((item) => scalarOf(item))
    .filter((value): value is string => typeof value === 'string')
    .map(normalizeCapability);
}

function forbiddenAdd(option: unknown): Set<string> {
  const names = Array.isArray(option) ? option.filter((name): name is string => typeof name === 'string') : DEFAULT_FORBIDDEN_ADD;
  return new Set(names.map(normalizeCapability));
}

export default defineRule({
  id: 'kubernetes/capabilities-not-dropped',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.4.1#least-privilege',
  title: { en: 'Drop all Linux capabilities and add back only what is needed', ja: 'Linux capability をすべて削除し、必要なものだけ戻す' },
  messages: {
    notDropped: {
      en: 'Container "{container}" keeps the runtime\'s default capabilities (NET_RAW, CHOWN, SETUID, …). Add securityContext.capabilities.drop: [ALL], then add back only the ones it needs.',
      ja: 'コンテナ「{container}」はランタイム既定の capability（NET_RAW、CHOWN、SETUID など）を保持しています。securityContext.capabilities.drop: [ALL] を追加し、必要なものだけを add で戻してください。',
    },
    dangerousAdd: {
      en: 'Container "{container}" adds {capabilities}, which give near-root control over the node or its network. Remove them from capabilities.add, or isolate this workload if it truly needs them.',
      ja: 'コンテナ「{container}」は {capabilities} を追加しており、ノードやそのネットワークを root 同然に操作できます。capabilities.add から外すか、本当に必要ならこのワークロードを隔離してください。',
    },
  },
  options: {
    forbiddenAdd: {
      type: 'array',
      default: DEFAULT_FORBIDDEN_ADD,
      description: {
        en: 'Capabilities that must not appear in capabilities.add (with or without the CAP_ prefix).',
        ja: 'capabilities.add に含めてはならない capability（CAP_ 接頭辞の有無は問いません）。',
      },
    },
  },
  fixable: 'quickfix',
  peerIds: ['drop-net-raw-capability'],
  check({ document, options, report }) {
    const forbidden = forbiddenAdd(options.forbiddenAdd);
    for (const ref of containers(document, ALL_CONTAINER_GROUPS)) {
      const container = ref.name ?? '(unnamed)';
      if (!capabilityList(ref, 'drop').includes('ALL')) {
        report({ range: ref.reportRange, messageId: 'notDropped', args: { container }, data: { container: ref.name ?? null, reason: 'drop' } });
      }
      const dangerous = [...new Set(capabilityList(ref, 'add').filter((name) => forbidden.has(name)))];
      if (dangerous.length > 0) {
        report({
          range: ref.reportRange,
          messageId: 'dangerousAdd',
          args: { container, capabilities: dangerous.join(', ') },
          data: { container: ref.name ?? null, reason: 'add', capabilities: dangerous },
        });
      }
    }
  },
  fix({ document, finding }) {
    // Only the missing drop has a mechanical repair; removing an added capability changes what the app can do.
    if (finding.data?.reason !== 'drop') return undefined;
    const ref = containerAt(document, finding.range, ALL_CONTAINER_GROUPS);
    if (!ref || capabilityList(ref, 'drop').includes('ALL')) return undefined;
    const editor = editorFor(document.text, document.lines, ref.workload.manifest.yaml);
    return {
      title: { en: 'Drop all capabilities (drop: [ALL])', ja: 'すべての capability を削除する（drop: [ALL]）' },
      // Dropping ALL already covers any narrower drop list, so the list is replaced rather than extended.
      edits: editor.setResolved(ref.container, ['securityContext', 'capabilities', 'drop'], ['ALL']),
      isPreferred: false,
    };
  },
});
