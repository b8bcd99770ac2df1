import { defineRule } from '../../server/src/engine/rule';
import { containerSetting, setContainerSecurityField } from '../../server/src/engine/kubernetes/security-context';
import { ALL_CONTAINER_GROUPS, containerAt, containers } from '../../server/src/engine/kubernetes/workloads';

export default defineRule({
  id: 'kubernetes/privilege-escalation',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.4.1#least-privilege',
  title: { en: 'Forbid privilege escalation inside containers', ja: 'コンテナ内での権限昇格を禁止する' },
  messages: {
    unset: {
      en: 'Container "{container}" does not set allowPrivilegeEscalation: false, so a setuid binary can gain more privileges than its parent process. Set securityContext.allowPrivilegeEscalation: false.',
      ja: 'コンテナ「{container}」に allowPrivilegeEscalation: false がないため、setuid バイナリが親プロセス以上の権限を得られます。securityContext.allowPrivilegeEscalation: false を設定してください。',
    },
    allowed: {
      en: 'Container "{container}" sets allowPrivilegeEscalation: true, so a setuid binary can gain more privileges than its parent process. Set it to false.',
      ja: 'コンテナ「{container}」は allowPrivilegeEscalation: true のため、setuid バイナリが親プロセス以上の権限を得られます。false にしてください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['privilege-escalation-container'],
  check({ document, report }) {
    for (const ref of containers(document, ALL_CONTAINER_GROUPS)) {
      const value = containerSetting(ref, ['allowPrivilegeEscalation']);
      if (value === false) continue;
      report({
        range: ref.reportRange,
        messageId: value === true ? 'allowed' : 'unset',
        args: { container: ref.name ?? '(unnamed)' },
        data: { container: ref.name ?? null },
      });
    }
  },
  fix({ document, finding }) {
    const ref = containerAt(document, finding.range, ALL_CONTAINER_GROUPS);
    // The API rejects allowPrivilegeEscalation: false on a privileged container; privileged-container's fix comes first.
    if (!ref || containerSetting(ref, ['privileged']) === true) return undefined;
    return {
      title: { en: 'Set allowPrivilegeEscalation: false', ja: 'allowPrivilegeEscalation: false を設定する' },
      edits: setContainerSecurityField(document, ref, 'allowPrivilegeEscalation', false),
    };
  },
});
