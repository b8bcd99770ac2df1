import { defineRule } from '../../server/src/engine/rule';
import { asInteger, effectiveSetting } from '../../server/src/engine/kubernetes/security-context';
import { ALL_CONTAINER_GROUPS, containerAt, containers, type ContainerRef } from '../../server/src/engine/kubernetes/workloads';
import { editorFor } from '../../server/src/engine/kubernetes/yaml-edit';

/** A uid well above system accounts and most image-defined users; a fix placeholder the user may change. */
export const NON_ROOT_UID = 10001;

type RootReason = 'uid0' | 'unverified';

function rootReason(ref: ContainerRef): { reason: RootReason; level: string } | undefined {
  const runAsUser = effectiveSetting(ref, ['runAsUser']);
  if (asInteger(runAsUser.value ?? undefined) === 0) return { reason: 'uid0', level: runAsUser.level ?? 'container' };
  if (runAsUser.value !== undefined) return undefined;
  const runAsNonRoot = effectiveSetting(ref, ['runAsNonRoot']);
  return runAsNonRoot.value === true ? undefined : { reason: 'unverified', level: runAsNonRoot.level ?? 'none' };
}

export default defineRule({
  id: 'kubernetes/run-as-root',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.4.1#least-privilege',
  title: { en: 'Run containers as a non-root user', ja: 'コンテナを非 root ユーザーで実行する' },
  messages: {
    uid0: {
      en: 'Container "{container}" runs as uid 0 (root), set at {level} level. Set securityContext.runAsUser to a non-zero uid and runAsNonRoot: true.',
      ja: 'コンテナ「{container}」は uid 0（root）で実行されます（{level} レベルの設定）。securityContext.runAsUser を 0 以外の uid にし、runAsNonRoot: true を設定してください。',
    },
    unverified: {
      en: 'Container "{container}" may run as root: nothing sets runAsNonRoot: true or a non-zero runAsUser. Add securityContext.runAsNonRoot: true so Kubernetes refuses to start it as root.',
      ja: 'コンテナ「{container}」は root で実行される可能性があります（runAsNonRoot: true も 0 以外の runAsUser もありません）。securityContext.runAsNonRoot: true を追加し、root での起動を Kubernetes に拒否させてください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['run-as-non-root'],
  check({ document, report }) {
    for (const ref of containers(document, ALL_CONTAINER_GROUPS)) {
      const found = rootReason(ref);
      if (!found) continue;
      report({
        range: ref.reportRange,
        messageId: found.reason,
        args: { container: ref.name ?? '(unnamed)', level: found.level },
        data: { container: ref.name ?? null, reason: found.reason },
      });
    }
  },
  fix({ document, finding }) {
    const ref = containerAt(document, finding.range, ALL_CONTAINER_GROUPS);
    const found = ref ? rootReason(ref) : undefined;
    if (!ref || !found) return undefined;
    // runAsNonRoot: true next to uid 0 would only make the pod fail to start, so uid 0 is replaced as well.
    const settings = found.reason === 'uid0' ? { runAsNonRoot: true, runAsUser: NON_ROOT_UID } : { runAsNonRoot: true };
    const editor = editorFor(document.text, document.lines, ref.workload.manifest.yaml);
    return {
      title: found.reason === 'uid0'
        ? { en: `Run as uid ${NON_ROOT_UID} with runAsNonRoot: true`, ja: `uid ${NON_ROOT_UID} と runAsNonRoot: true で実行する` }
        : { en: 'Add securityContext.runAsNonRoot: true', ja: 'securityContext.runAsNonRoot: true を追加する' },
      edits: editor.setResolved(ref.container, ['securityContext'], settings),
    };
  },
});
