import { isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import type { LineIndex } from '../text';
import type { Range } from '../types';
import type { KubernetesDocument, ManifestDocument } from './parse';
import { mapChild, mapGet, mapValue, resolveNode, scalarOf, seqItems } from './yaml-ast';

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
export function* kubernetesObjects(document: KubernetesDocument): Generator<{ manifest: ManifestDocument; object: YAMLMap; kind: string; kindRange: Range | undefined }> {
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
    const path = POD_SPEC_PATHS[kind];
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
