import { isMap } from 'yaml';
import type { ContainerRef } from './workloads';
import { mapValue, scalarOf, seqItems } from './yaml-ast';

export interface ContainerPort {
  containerPort: number | undefined;
  hostPort: number | undefined;
  name: string | undefined;
  protocol: string;
}

function port(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

export function containerPorts(ref: ContainerRef): ContainerPort[] {
  const yaml = ref.workload.manifest.yaml;
  return seqItems(yaml, mapValue(yaml, ref.container, 'ports')).filter(isMap).map((item) => {
    const name = scalarOf(mapValue(yaml, item, 'name'));
    const protocol = scalarOf(mapValue(yaml, item, 'protocol'));
    return {
      containerPort: port(scalarOf(mapValue(yaml, item, 'containerPort'))),
      hostPort: port(scalarOf(mapValue(yaml, item, 'hostPort'))),
      name: typeof name === 'string' ? name : undefined,
      protocol: typeof protocol === 'string' ? protocol.toUpperCase() : 'TCP',
    };
  });
}
