import { containerPorts } from './ports';
import type { Rule } from '../rule';
import { LONG_RUNNING_KINDS, containerAt, containers, nameOf, type ContainerRef } from './workloads';
import { editorFor } from './yaml-edit';
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

/** The check shared by the two probe rules: one finding per long-running container without the probe. */
export function reportMissingProbes(field: ProbeField): Rule<'kubernetes'>['check'] {
  return ({ document, report }) => {
    for (const ref of containersMissingProbe(document, field)) {
      report({
        range: ref.reportRange,
        messageId: 'missing',
        args: { container: ref.name ?? '(unnamed)', kind: ref.workload.kind, workload: nameOf(ref.workload.manifest.yaml, ref.workload.object) ?? '(unnamed)' },
        data: { container: ref.name ?? null },
      });
    }
  };
}

/** The fix shared by the two probe rules: a TCP probe template on the container's first port. */
export function insertProbeTemplate(field: ProbeField): NonNullable<Rule<'kubernetes'>['fix']> {
  return ({ document, finding }) => {
    const ref = containerAt(document, finding.range, ['containers']);
    const template = ref && !hasProbe(ref, field) ? probeTemplate(ref, field) : undefined;
    if (!ref || !template) return undefined;
    const editor = editorFor(document.text, document.lines, ref.workload.manifest.yaml);
    return {
      title: { en: `Add a TCP ${field} on port ${template.port} (adjust to a real health check)`, ja: `ポート ${template.port} への TCP ${field} を追加する（実際のヘルスチェックに調整）` },
      edits: editor.setResolved(ref.container, [field], template.probe),
      // A template the user must adapt: not applied by "fix all".
      isPreferred: false,
    };
  };
}
