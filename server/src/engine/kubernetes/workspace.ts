import type { WorkspaceView } from '../types';
import { parseKubernetes, type KubernetesDocument } from './parse';
import type { KubernetesParseHandoff } from './parse-handoff';
import { kubernetesObjects, namespaceOf, nameOf, podLabels, stringMap, workloads, type Workload } from './workloads';
import { getIn, mapValue, scalarOf } from './yaml-ast';

/**
 * "The workspace" for rules that relate objects across files. The engine knows no workspace root, so the
 * scope is the linted file's folder and its subfolders (bounded): a manifest folder normally holds an
 * application's Service, Deployment and NetworkPolicy together, and going upwards could pull in unrelated
 * projects. Without a workspace view the scope is the file alone.
 */
const MAX_DEPTH = 3;
const MAX_FILES = 300;
const MAX_ENTRIES = 3000;
const MAX_FILE_CHARS = 1_000_000;
const SKIPPED_FOLDERS = new Set(['node_modules', 'vendor', 'testdata']);
const CACHE_SIZE = 2048;
/** Source characters the summaries are keyed by, at most (the texts are usually shared with the workspace's own cache). */
const CACHE_CHARS = 16 * 1024 * 1024;

export interface ScopedWorkload {
  path: string;
  kind: string;
  namespace: string | undefined;
  labels: Record<string, string>;
  /** Set for the workloads of the linted file itself, so a rule can report on them. */
  workload?: Workload;
}

/** A custom resource, which an operator may turn into pods we cannot see (a Prometheus object becomes a StatefulSet). */
export interface ScopedCustomResource {
  kind: string;
  namespace: string | undefined;
  name: string | undefined;
  labels: Record<string, string>;
}

export interface WorkspaceScope {
  /** Workloads in file-path order, then document order: deterministic whichever file is linted. */
  workloads: ScopedWorkload[];
  /** Namespaces (undefined: unset) that have at least one NetworkPolicy. */
  policyNamespaces: Set<string | undefined>;
  customResources: ScopedCustomResource[];
}

interface FileSummary {
  workloads: Omit<ScopedWorkload, 'path' | 'workload'>[];
  policyNamespaces: (string | undefined)[];
  customResources: ScopedCustomResource[];
}

/** Summaries of other files by path, reused while their text is unchanged: typing in one file does not re-parse the folder. */
const summaries = new Map<string, { text: string; summary: FileSummary }>();
let summarisedChars = 0;
const scopes = new WeakMap<KubernetesDocument, WorkspaceScope>();

export function workspaceScope(document: KubernetesDocument): WorkspaceScope {
  const cached = scopes.get(document);
  if (cached) return cached;
  const files: (Omit<FileSummary, 'workloads'> & { path: string; workloads: ScopedWorkload[] })[] = [];
  const own = summarize(document);
  files.push({
    ...own,
    path: document.path,
    workloads: workloads(document).map((workload) => ({ ...describeWorkload(workload), path: document.path, workload })),
  });
  if (document.workspace) {
    const folder = document.path.slice(0, document.path.lastIndexOf('/'));
    for (const path of scopeFiles(document.workspace, folder)) {
      if (path === document.path) continue;
      const summary = summaryOf(document.workspace, path, document.handoff);
      if (summary) files.push({ ...summary, path, workloads: summary.workloads.map((workload) => ({ ...workload, path })) });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const scope: WorkspaceScope = {
    workloads: files.flatMap((file) => file.workloads),
    policyNamespaces: new Set(files.flatMap((file) => file.policyNamespaces)),
    customResources: files.flatMap((file) => file.customResources),
  };
  scopes.set(document, scope);
  return scope;
}

/** Label selector semantics of a Service: every selector pair must be among the labels. */
export function selectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

function describeWorkload(workload: Workload): Omit<ScopedWorkload, 'path' | 'workload'> {
  return { kind: workload.kind, namespace: namespaceOf(workload.manifest.yaml, workload.object), labels: podLabels(workload) };
}

/** Built-in API groups: no dot (core, apps, batch, policy, autoscaling) or a `*.k8s.io` group. */
export function isBuiltInApiVersion(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return true;
  const group = apiVersion.slice(0, slash);
  return !group.includes('.') || group.endsWith('.k8s.io');
}

function summarize(document: KubernetesDocument): FileSummary {
  const policyNamespaces: (string | undefined)[] = [];
  const customResources: ScopedCustomResource[] = [];
  for (const { manifest, object, kind } of kubernetesObjects(document)) {
    const yaml = manifest.yaml;
    if (kind === 'NetworkPolicy') policyNamespaces.push(namespaceOf(yaml, object));
    const apiVersion = scalarOf(mapValue(yaml, object, 'apiVersion'));
    if (typeof apiVersion === 'string' && !isBuiltInApiVersion(apiVersion)) {
      customResources.push({ kind, namespace: namespaceOf(yaml, object), name: nameOf(yaml, object), labels: stringMap(yaml, getIn(yaml, object, ['metadata', 'labels'])) });
    }
  }
  return { workloads: workloads(document).map(describeWorkload), policyNamespaces, customResources };
}

function summaryOf(workspace: WorkspaceView, path: string, handoff: KubernetesParseHandoff | undefined): FileSummary | undefined {
  const text = workspace.readFile(path);
  if (text === undefined || text.length > MAX_FILE_CHARS) return undefined;
  const cached = summaries.get(path);
  if (cached && cached.text === text) return cached.summary;
  let summary: FileSummary;
  try {
    const parsed = parseKubernetes(path, text);
    summary = summarize(parsed);
    handoff?.offer(parsed);
  } catch {
    // A file the YAML parser cannot even tokenise contributes nothing; it is not the file being linted.
    summary = { workloads: [], policyNamespaces: [], customResources: [] };
  }
  forgetSummary(path);
  summaries.set(path, { text, summary });
  summarisedChars += text.length;
  for (const oldest of summaries.keys()) {
    if ((summaries.size <= CACHE_SIZE && summarisedChars <= CACHE_CHARS) || oldest === path) break;
    forgetSummary(oldest);
  }
  return summary;
}

function forgetSummary(path: string): void {
  summarisedChars -= summaries.get(path)?.text.length ?? 0;
  summaries.delete(path);
}

/** YAML files under a folder, breadth first, sorted, within the bounds above. */
function scopeFiles(workspace: WorkspaceView, root: string): string[] {
  const files: string[] = [];
  const queue: { folder: string; depth: number }[] = [{ folder: root, depth: 0 }];
  let visited = 0;
  while (queue.length > 0) {
    const { folder, depth } = queue.shift()!;
    for (const rawEntry of [...workspace.listFolder(folder)].sort()) {
      if (++visited > MAX_ENTRIES) return files;
      const entry = rawEntry.replace(/\/+$/, '');
      const name = entry.slice(entry.lastIndexOf('/') + 1);
      if (name.startsWith('.') || SKIPPED_FOLDERS.has(name)) continue;
      if (/\.ya?ml$/i.test(name)) {
        files.push(entry);
        if (files.length >= MAX_FILES) return files;
      } else if (depth < MAX_DEPTH) {
        // The view cannot tell folders from files; listing a file yields nothing, so this stays cheap.
        queue.push({ folder: entry, depth: depth + 1 });
      }
    }
  }
  return files;
}
