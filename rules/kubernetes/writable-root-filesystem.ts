import { defineRule } from '../../server/src/engine/rule';
import { containerSetting, setContainerSecurityField } from '../../server/src/engine/kubernetes/security-context';
import { ALL_CONTAINER_GROUPS, containerAt, containers } from '../../server/src/engine/kubernetes/workloads';

export default defineRule({
  id: 'kubernetes/writable-root-filesystem',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.4.1#container-isolation',
  title: { en: 'Mount the container root filesystem read-only', ja: 'コンテナのルートファイルシステムを読み取り専用にする' },
  messages: {
    writable: {
      en: 'Container "{container}" can write to its root filesystem, so an intruder can drop tools or alter binaries. Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the app must write.',
      ja: 'コンテナ「{container}」はルートファイルシステムに書き込めるため、侵入者がツールを置いたりバイナリを改ざんしたりできます。securityContext.readOnlyRootFilesystem: true を設定し、書き込みが必要な場所には emptyDir をマウントしてください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['no-read-only-root-fs'],
  check({ document, report }) {
    for (const ref of containers(document, ALL_CONTAINER_GROUPS)) {
      if (containerSetting(ref, ['readOnlyRootFilesystem']) === true) continue;
      report({ range: ref.reportRange, messageId: 'writable', args: { container: ref.name ?? '(unnamed)' }, data: { container: ref.name ?? null } });
    }
  },
  fix({ document, finding }) {
    const ref = containerAt(document, finding.range, ALL_CONTAINER_GROUPS);
    if (!ref) return undefined;
    return {
      title: { en: 'Set readOnlyRootFilesystem: true (check where the app writes)', ja: 'readOnlyRootFilesystem: true を設定する（アプリの書き込み先を確認）' },
      edits: setContainerSecurityField(document, ref, 'readOnlyRootFilesystem', true),
      // Apps that write to /tmp or a cache directory fail until an emptyDir is mounted there.
      isPreferred: false,
    };
  },
});
