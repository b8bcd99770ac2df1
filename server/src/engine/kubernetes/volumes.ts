import { isMap, type YAMLMap } from 'yaml';
import type { Workload } from './workloads';
import { getIn, mapValue, scalarOf, seqItems } from './yaml-ast';

export interface HostPathVolume {
  workload: Workload;
  volume: YAMLMap;
  name: string | undefined;
  /** The host path as written, or undefined when it is not a plain string. */
  path: string | undefined;
}

/** The pod's `hostPath` volumes, in order. */
export function hostPathVolumes(workload: Workload): HostPathVolume[] {
  const yaml = workload.manifest.yaml;
  const found: HostPathVolume[] = [];
  for (const volume of seqItems(yaml, mapValue(yaml, workload.podSpec, 'volumes'))) {
    if (!isMap(volume)) continue;
    const hostPath = mapValue(yaml, volume, 'hostPath');
    if (!isMap(hostPath)) continue;
    const name = scalarOf(mapValue(yaml, volume, 'name'));
    const path = scalarOf(getIn(yaml, hostPath, ['path']));
    found.push({ workload, volume, name: typeof name === 'string' ? name : undefined, path: typeof path === 'string' ? path : undefined });
  }
  return found;
}

/** `/var/run/` and `/var//run` name the same folder as `/var/run`. */
export function normalizeHostPath(path: string): string {
  const collapsed = path.trim().replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}
