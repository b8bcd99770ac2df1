import { defineRule } from '../../server/src/engine/rule';
import { containerPorts } from '../../server/src/engine/kubernetes/ports';
import { containers } from '../../server/src/engine/kubernetes/workloads';

const SSH_PORT = 22;

export default defineRule({
  id: 'kubernetes/ssh-port',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.4.1#network-exposure',
  title: { en: 'Do not run SSH servers in containers', ja: 'コンテナで SSH サーバーを動かさない' },
  messages: {
    ssh: {
      en: 'Container "{container}" exposes port 22, which usually means an SSH server inside the container: another way in, with its own keys to manage. Use kubectl exec or an ephemeral debug container instead.',
      ja: 'コンテナ「{container}」は 22 番ポートを公開しています。多くの場合コンテナ内の SSH サーバーを意味し、鍵管理の必要な侵入口が増えます。代わりに kubectl exec やエフェメラルデバッグコンテナを使ってください。',
    },
  },
  peerIds: ['ssh-port'],
  check({ document, report }) {
    for (const ref of containers(document)) {
      if (!containerPorts(ref).some((port) => port.containerPort === SSH_PORT && port.protocol === 'TCP')) continue;
      report({ range: ref.reportRange, messageId: 'ssh', args: { container: ref.name ?? '(unnamed)' }, data: { container: ref.name ?? null } });
    }
  },
});
