import { defineRule } from '../../server/src/engine/rule';
import { workloads } from '../../server/src/engine/kubernetes/workloads';
import { mapValue, scalarOf } from '../../server/src/engine/kubernetes/yaml-ast';

const HOST_NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export default defineRule({
  id: 'kubernetes/host-namespace',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.4.1#container-isolation',
  title: { en: 'Do not share the node\'s network, process or IPC namespace', ja: 'ノードのネットワーク・プロセス・IPC 名前空間を共有しない' },
  messages: {
    shared: {
      en: '{kind} shares the node\'s namespaces ({fields}): its containers see the host\'s network, processes or shared memory. Remove {fields} unless this is a node agent that truly needs it.',
      ja: '{kind} はノードの名前空間（{fields}）を共有しており、コンテナからホストのネットワーク・プロセス・共有メモリが見えます。本当に必要なノードエージェントでない限り {fields} を外してください。',
    },
  },
  peerIds: ['host-network', 'host-pid', 'host-ipc'],
  check({ document, report }) {
    for (const workload of workloads(document)) {
      if (!workload.kindRange) continue;
      const yaml = workload.manifest.yaml;
      const fields = HOST_NAMESPACE_FIELDS.filter((field) => scalarOf(mapValue(yaml, workload.podSpec, field)) === true);
      if (fields.length === 0) continue;
      report({ range: workload.kindRange, messageId: 'shared', args: { kind: workload.kind, fields: fields.join(', ') }, data: { fields: [...fields] } });
    }
  },
});
