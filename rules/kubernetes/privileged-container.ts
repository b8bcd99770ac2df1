import { defineRule } from '../../server/src/engine/rule';
import { containerSetting, setContainerSecurityField } from '../../server/src/engine/kubernetes/security-context';
import { ALL_CONTAINER_GROUPS, containerAt, containers } from '../../server/src/engine/kubernetes/workloads';

export default defineRule({
  id: 'kubernetes/privileged-container',
  language: 'kubernetes',
  defaultSeverity: 'error',
  skill: '4.4.1#container-isolation',
  title: { en: 'Do not run privileged containers', ja: '特権コンテナを実行しない' },
  messages: {
    privileged: {
      en: 'Container "{container}" is privileged: it can use every device and kernel capability of the node, so escaping to the host is trivial. Remove privileged: true and grant only the specific capability it needs.',
      ja: 'コンテナ「{container}」は特権モードです。ノードのすべてのデバイスとカーネル権限を使えるため、ホストへの脱出が容易です。privileged: true を外し、必要な capability だけを個別に付与してください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['privileged-container'],
  check({ document, report }) {
    for (const ref of containers(document, ALL_CONTAINER_GROUPS)) {
      if (containerSetting(ref, ['privileged']) !== true) continue;
      report({ range: ref.reportRange, messageId: 'privileged', args: { container: ref.name ?? '(unnamed)' }, data: { container: ref.name ?? null } });
    }
  },
  fix({ document, finding }) {
    const ref = containerAt(document, finding.range, ALL_CONTAINER_GROUPS);
    if (!ref) return undefined;
    return {
      title: { en: 'Set privileged: false', ja: 'privileged: false にする' },
      edits: setContainerSecurityField(document, ref, 'privileged', false),
      // The workload may truly need device access; turning it off is a decision, not a mechanical repair.
      isPreferred: false,
    };
  },
});
