import { defineRule } from '../../server/src/engine/rule';
import { hostPathVolumes, normalizeHostPath } from '../../server/src/engine/kubernetes/volumes';
import { workloads } from '../../server/src/engine/kubernetes/workloads';

/** Where Docker puts its API socket (`/var/run` is a symlink to `/run` on modern distributions). */
export const DOCKER_SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock']);

export default defineRule({
  id: 'kubernetes/docker-socket-mount',
  language: 'kubernetes',
  defaultSeverity: 'error',
  skill: '4.4.1#container-isolation',
  title: { en: 'Never mount the Docker socket into a pod', ja: 'Docker ソケットを Pod にマウントしない' },
  messages: {
    mounted: {
      en: '{kind} mounts the Docker socket ({path}) as volume "{volume}": anything in the pod can start a privileged container and own the node. Remove the volume; build images with a rootless builder (BuildKit, Kaniko) instead.',
      ja: '{kind} は Docker ソケット（{path}）をボリューム「{volume}」としてマウントしています。Pod 内の誰でも特権コンテナを起動してノードを掌握できます。ボリュームを削除し、イメージのビルドには rootless なビルダー（BuildKit、Kaniko）を使ってください。',
    },
  },
  peerIds: ['docker-sock'],
  check({ document, report }) {
    for (const workload of workloads(document)) {
      if (!workload.kindRange) continue;
      for (const volume of hostPathVolumes(workload)) {
        if (volume.path === undefined || !DOCKER_SOCKETS.has(normalizeHostPath(volume.path))) continue;
        report({
          range: workload.kindRange,
          messageId: 'mounted',
          args: { kind: workload.kind, path: volume.path, volume: volume.name ?? '(unnamed)' },
          data: { volume: volume.name ?? null, path: volume.path },
        });
      }
    }
  },
});
