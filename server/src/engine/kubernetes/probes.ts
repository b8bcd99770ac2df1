import { containerPorts } from './ports';
import { LONG_RUNNING_KINDS, containers, type ContainerRef } from './workloads';
import type { KubernetesDocument } from './parse';
import { mapValue, scalarOf } from './yaml-ast';

export type ProbeField = 'livenessProbe' | 'readinessProbe';

/**
 * Containers that should declare a probe: the app containers of long-running controllers. Jobs finish on
 * their own, init containers run to completion before the app starts, so probes mean nothing there.
 */
export function containersMissingProbe(document: KubernetesDocument, field: ProbeField): ContainerRef[] {
  return containers(document, ['containers']).filter((ref) => LONG_RUNNING_KINDS.has(ref.workload.kind) && !hasProbe(ref, field));
}

export function hasProbe(ref: ContainerRef, field: ProbeField): boolean {
  const probe = mapValue(ref.workload.manifest.yaml, ref.container, field);
  return probe !== undefined && scalarOf(probe) !== null;
}

/**
 * A starting point for a probe: a TCP check on the container's first TCP port. Without a declared port there
 * is nothing safe to guess (a wrong liveness probe restarts a healthy app in a loop), so no template.
 */
export function probeTemplate(ref: ContainerRef, field: ProbeField): { port: number; probe: Record<string, unknown> } | undefined {
  const port = containerPorts(ref).find((candidate) => candidate.protocol === 'TCP' && candidate.containerPort !== undefined)?.containerPort;
  if (port === undefined) return undefined;
  const probe = field === 'livenessProbe'
    ? { tcpSocket: { port }, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3 }
    : { tcpSocket: { port }, periodSeconds: 5, failureThreshold: 3 };
  return { port, probe };
}
