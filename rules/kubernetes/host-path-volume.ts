import { defineRule } from '../../server/src/engine/rule';
import { hostPathVolumes, normalizeHostPath } from '../../server/src/engine/kubernetes/volumes';
import { workloads } from '../../server/src/engine/kubernetes/workloads';
import { DOCKER_SOCKETS } from './docker-socket-mount';

function allowedPaths(option: unknown): string[] {
  return Array.isArray(option) ? option.filter((path): path is string => typeof path === 'string').map(normalizeHostPath) : [];
}

/** An allowed path also allows what lies below it (`/var/log` allows `/var/log/pods`). */
function isAllowed(path: string, allowed: readonly string[]): boolean {
  const normalized = normalizeHostPath(path);
  return allowed.some((prefix) => normalized === prefix || normalized.startsWith(prefix === '/' ? '/' : `${prefix}/`));
}

export default defineRule({
  id: 'kubernetes/host-path-volume',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.4.1#container-isolation',
  title: { en: 'Avoid hostPath volumes', ja: 'hostPath ボリュームを避ける' },
  messages: {
    hostPath: {
      en: '{kind} mounts the node\'s {path} as volume "{volume}": the pod can read or change files of the host and is tied to one node\'s disk. Use a PersistentVolumeClaim, ConfigMap, Secret or emptyDir instead.',
      ja: '{kind} はノードの {path} をボリューム「{volume}」としてマウントしています。Pod からホストのファイルを読み書きでき、特定ノードのディスクにも縛られます。PersistentVolumeClaim、ConfigMap、Secret、emptyDir のいずれかを使ってください。',
    },
  },
  options: {
    allowedPaths: {
      type: 'array',
      default: [],
      description: {
        en: 'Host paths (and everything below them) that node agents may mount, e.g. "/var/log" for a log collector.',
        ja: 'ノードエージェントがマウントしてよいホストパス（配下も含む）。例：ログ収集用の "/var/log"。',
      },
    },
  },
  peerIds: ['sensitive-host-mounts', 'writable-host-mount'],
  check({ document, options, report }) {
    const allowed = allowedPaths(options.allowedPaths);
    for (const workload of workloads(document)) {
      if (!workload.kindRange) continue;
      for (const volume of hostPathVolumes(workload)) {
        if (volume.path !== undefined && isAllowed(volume.path, allowed)) continue;
        // The Docker socket has its own, stricter rule; one problem gets one finding.
        if (volume.path !== undefined && DOCKER_SOCKETS.has(normalizeHostPath(volume.path))) continue;
        report({
          range: workload.kindRange,
          messageId: 'hostPath',
          args: { kind: workload.kind, path: volume.path ?? '(unknown path)', volume: volume.name ?? '(unnamed)' },
          data: { volume: volume.name ?? null, path: volume.path ?? null },
        });
      }
    }
  },
});
