import { isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import type { LineIndex } from '../text';
import type { Range } from '../types';
import type { KubernetesDocument, ManifestDocument } from './parse';
import { getIn, mapChild, mapEntries, mapGet, mapValue, resolveNode, scalarOf, seqItems } from './yaml-ast';

/** Where each built-in workload keeps its pod spec. Custom resources are deliberately absent. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export interface KubernetesObject {
  manifest: ManifestDocument;
  object: YAMLMap;
  kind: string;
  kindRange: Range | undefined;
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface Workload {
  manifest: ManifestDocument;
  /** The object that owns the pod spec (a `List` item has its own). */
  object: YAMLMap;
  kind: string;
  kindRange: Range | undefined;
  podSpec: YAMLMap;
}

export interface ContainerRef {
  workload: Workload;
  container: YAMLMap;
  group: ContainerGroup;
  name: string | undefined;
  /** The `name:` pair, or the item's first line when it has no name. */
  reportRange: Range;
}

/** Every Kubernetes object in the file, with `kind: List` items flattened; templated documents are skipped. */
export function* kubernetesObjects(document: KubernetesDocument): Generator<KubernetesObject> {
  for (const manifest of document.documents) {
    if (!manifest.isKubernetes || manifest.isTemplate || !manifest.root || !manifest.kind) continue;
    if (manifest.kind === 'List' || manifest.kind.endsWith('List')) {
      for (const item of seqItems(manifest.yaml, mapValue(manifest.yaml, manifest.root, 'items'))) {
        if (!isMap(item)) continue;
        const kind = scalarOf(mapValue(manifest.yaml, item, 'kind'));
        if (typeof kind === 'string') yield { manifest, object: item, kind, kindRange: pairRange(manifest.yaml, item, 'kind', document.lines) };
      }
    } else {
      yield { manifest, object: manifest.root, kind: manifest.kind, kindRange: manifest.kindRange };
    }
  }
}

export function workloads(document: KubernetesDocument): Workload[] {
  const found: Workload[] = [];
  for (const { manifest, object, kind, kindRange } of kubernetesObjects(document)) {
    const path = Object.hasOwn(POD_SPEC_PATHS, kind) ? POD_SPEC_PATHS[kind] : undefined;
    if (!path) continue;
    let current: YAMLMap | undefined = object;
    for (const key of path) current = current ? mapChild(manifest.yaml, current, key) : undefined;
    if (current) found.push({ manifest, object, kind, kindRange, podSpec: current });
  }
  return found;
}

export function containers(document: KubernetesDocument, groups: readonly ContainerGroup[] = ['containers', 'initContainers']): ContainerRef[] {
  const found: ContainerRef[] = [];
  for (const workload of workloads(document)) {
    const yaml = workload.manifest.yaml;
    for (const group of groups) {
      for (const item of seqItems(yaml, mapValue(yaml, workload.podSpec, group))) {
        if (!isMap(item)) continue;
        const name = scalarOf(mapValue(yaml, item, 'name'));
        const reportRange = pairRange(yaml, item, 'name', document.lines) ?? nodeStartRange(item, document.lines);
        found.push({ workload, container: item, group, name: typeof name === 'string' ? name : undefined, reportRange });
      }
    }
  }
  return found;
}

/** Range from a key to the end of its scalar value (`name: web`). */
export function pairRange(document: Document, map: YAMLMap, key: string, lines: LineIndex): Range | undefined {
  const pair = mapGet(document, map, key);
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  const value = resolveNode(document, pair.value);
  const end = value?.range && value.range[0] >= pair.key.range[0] && isScalar(value) ? value.range[1] : pair.key.range[1];
  return lines.rangeOf(pair.key.range[0], end);
}

export function nodeStartRange(node: YAMLMap, lines: LineIndex): Range {
  const start = node.range?.[0] ?? 0;
  const position = lines.positionAt(start);
  return { start: position, end: { line: position.line, character: lines.lineEnd(position.line) - lines.lineStart(position.line) } };
}

export const ALL_CONTAINER_GROUPS: readonly ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

/** Controllers whose pods are expected to run indefinitely (probes make sense for them, not for Jobs). */
export const LONG_RUNNING_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The container a finding was reported on, for fixes: findings carry their range, and a container's report range is unique to it. */
export function containerAt(document: KubernetesDocument, range: Range, groups: readonly ContainerGroup[] = ['containers', 'initContainers']): ContainerRef | undefined {
  return containers(document, groups).find((ref) => sameRange(ref.reportRange, range));
}

/** The workload whose `kind:` a finding was reported on. */
export function workloadAt(document: KubernetesDocument, range: Range): Workload | undefined {
  return workloads(document).find((workload) => workload.kindRange !== undefined && sameRange(workload.kindRange, range));
}

/** The object whose `kind:` a finding was reported on. */
export function objectAt(document: KubernetesDocument, range: Range): KubernetesObject | undefined {
  for (const candidate of kubernetesObjects(document)) if (candidate.kindRange && sameRange(candidate.kindRange, range)) return candidate;
  return undefined;
}

/** The pod template's labels (`metadata.labels` of a Pod itself), as strings; non-string values are skipped. */
export function podLabels(workload: Workload): Record<string, string> {
  const yaml = workload.manifest.yaml;
  const path = POD_SPEC_PATHS[workload.kind] ?? [];
  let template: YAMLMap | undefined = workload.object;
  for (const key of path.slice(0, -1)) template = template ? mapChild(yaml, template, key) : undefined;
  const labels = template ? getIn(yaml, template, ['metadata', 'labels']) : undefined;
  return stringMap(yaml, labels);
}

/** `metadata.namespace` of an object; undefined means "whatever namespace it is applied to". */
export function namespaceOf(document: Document, object: YAMLMap): string | undefined {
  const namespace = scalarOf(getIn(document, object, ['metadata', 'namespace']));
  return typeof namespace === 'string' && namespace !== '' ? namespace : undefined;
}

export function nameOf(document: Document, object: YAMLMap): string | undefined {
  const name = scalarOf(getIn(document, object, ['metadata', 'name']));
  return typeof name === 'string' || typeof name === 'number' ? String(name) : undefined;
}

/** A mapping of scalars as strings (labels, selectors); YAML numbers and booleans become the text Kubernetes would need. */
export function stringMap(document: Document, node: unknown): Record<string, string> {
  const resolved = resolveNode(document, node);
  if (!isMap(resolved)) return {};
  const result: Record<string, string> = {};
  for (const { key, value } of mapEntries(document, resolved)) {
    const scalar = scalarOf(value);
    if (scalar !== undefined && scalar !== null) result[key] = String(scalar);
  }
  return result;
}
