import { defineRule } from '../../server/src/engine/rule';
import { containerPorts } from '../../server/src/engine/kubernetes/ports';
import { containers } from '../../server/src/engine/kubernetes/workloads';

export default defineRule({
  id: 'kubernetes/host-port',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.4.1#network-exposure',
  title: { en: 'Do not bind container ports to the node with hostPort', ja: 'hostPort でコンテナのポートをノードに直接公開しない' },
  messages: {
    hostPort: {
      en: 'Container "{container}" binds hostPort {ports} on its node: traffic reaches it on the node\'s own address, outside any Service, and only one such pod fits on each node. Expose it through a Service instead.',
      ja: 'コンテナ「{container}」はノードの hostPort {ports} を使っています。Service を通らずノード自身のアドレスで直接到達できる経路になり、1 ノードに 1 つの Pod しか置けなくなります。Service 経由で公開してください。',
    },
  },
  check({ document, report }) {
    for (const ref of containers(document)) {
      const hostPorts = containerPorts(ref).map((port) => port.hostPort).filter((value): value is number => value !== undefined && value !== 0);
      if (hostPorts.length === 0) continue;
      report({
        range: ref.reportRange,
        messageId: 'hostPort',
        args: { container: ref.name ?? '(unnamed)', ports: hostPorts.join(', ') },
        data: { container: ref.name ?? null, ports: hostPorts.map(String) },
      });
    }
  },
});
