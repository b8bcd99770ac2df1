import type { YAMLMap } from 'yaml';
import type { TextEdit } from '../types';
import type { KubernetesDocument } from './parse';
import type { ContainerRef } from './workloads';
import { editorFor } from './yaml-edit';
import { getIn, mapChild, scalarOf } from './yaml-ast';

export type ScalarValue = string | number | boolean | null;

/** Where an effective setting came from, so a fix can say (and edit) the right level. */
export type SettingLevel = 'container' | 'pod';

export interface EffectiveSetting {
  value: ScalarValue | undefined;
  level: SettingLevel | undefined;
}

/** The container's own `securityContext` mapping, following aliases and merge keys. */
export function containerSecurityContext(ref: ContainerRef): YAMLMap | undefined {
  return mapChild(ref.workload.manifest.yaml, ref.container, 'securityContext');
}

export function podSecurityContext(ref: ContainerRef): YAMLMap | undefined {
  return mapChild(ref.workload.manifest.yaml, ref.workload.podSpec, 'securityContext');
}

/** A container-only field (`privileged`, `allowPrivilegeEscalation`, `readOnlyRootFilesystem`): the pod level does not count. */
export function containerSetting(ref: ContainerRef, path: readonly string[]): ScalarValue | undefined {
  const context = containerSecurityContext(ref);
  return context ? scalarOf(getIn(ref.workload.manifest.yaml, context, path)) : undefined;
}

/**
 * A field Kubernetes lets the pod set for all containers (`runAsUser`, `runAsNonRoot`, `seccompProfile.type`):
 * the container's own value wins, as the kubelet applies it. An explicit `null` counts as unset.
 */
export function effectiveSetting(ref: ContainerRef, path: readonly string[]): EffectiveSetting {
  const own = containerSetting(ref, path);
  if (own !== undefined && own !== null) return { value: own, level: 'container' };
  const pod = podSecurityContext(ref);
  const inherited = pod ? scalarOf(getIn(ref.workload.manifest.yaml, pod, path)) : undefined;
  if (inherited !== undefined && inherited !== null) return { value: inherited, level: 'pod' };
  return { value: undefined, level: undefined };
}

/** YAML may write a uid as `0` or `"0"`; Kubernetes only accepts the number, but we read both the same. */
export function asInteger(value: ScalarValue | undefined): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** The edit that sets one field of a container's own securityContext, without touching a context it shares through an anchor. */
export function setContainerSecurityField(document: KubernetesDocument, ref: ContainerRef, field: string, value: unknown): TextEdit[] {
  return editorFor(document.text, document.lines, ref.workload.manifest.yaml).setResolved(ref.container, ['securityContext', field], value);
}
