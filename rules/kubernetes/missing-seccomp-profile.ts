import { defineRule } from '../../server/src/engine/rule';
import { containerSetting } from '../../server/src/engine/kubernetes/security-context';
import { ALL_CONTAINER_GROUPS, containerAt, containers, nameOf, workloadAt, workloads, type ContainerRef, type Workload } from '../../server/src/engine/kubernetes/workloads';
import { getIn, scalarOf } from '../../server/src/engine/kubernetes/yaml-ast';
import { editorFor } from '../../server/src/engine/kubernetes/yaml-edit';
import type { KubernetesDocument } from '../../server/src/engine/kubernetes/parse';

const CONFINED = new Set(['RuntimeDefault', 'Localhost']);
const PROFILE_TYPE = ['seccompProfile', 'type'];

function podProfile(workload: Workload): string | undefined {
  const value = scalarOf(getIn(workload.manifest.yaml, workload.podSpec, ['securityContext', ...PROFILE_TYPE]));
  return typeof value === 'string' ? value : undefined;
}

function ownProfile(ref: ContainerRef): string | undefined {
  const value = containerSetting(ref, PROFILE_TYPE);
  return typeof value === 'string' ? value : undefined;
}

interface Unconfined {
  /** Pods whose profile is missing or unconfined and that have containers relying on it. */
  pods: { workload: Workload; containers: string[] }[];
  /** Containers that override the pod with their own non-confining profile. */
  containers: ContainerRef[];
}

function findUnconfined(document: KubernetesDocument): Unconfined {
  const all = containers(document, ALL_CONTAINER_GROUPS);
  const result: Unconfined = { pods: [], containers: [] };
  for (const workload of workloads(document)) {
    const podConfined = CONFINED.has(podProfile(workload) ?? '');
    const inheriting: string[] = [];
    for (const ref of all.filter((candidate) => candidate.workload.object === workload.object && candidate.workload.podSpec === workload.podSpec)) {
      const own = ownProfile(ref);
      if (own !== undefined) {
        if (!CONFINED.has(own)) result.containers.push(ref);
      } else if (!podConfined) {
        inheriting.push(ref.name ?? '(unnamed)');
      }
    }
    if (inheriting.length > 0) result.pods.push({ workload, containers: inheriting });
  }
  return result;
}

export default defineRule({
  id: 'kubernetes/missing-seccomp-profile',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.4.1#container-isolation',
  title: { en: 'Confine containers with a seccomp profile', ja: 'seccomp プロファイルでコンテナのシステムコールを制限する' },
  messages: {
    pod: {
      en: '{kind} "{name}" runs container {containers} without a seccomp profile, so every system call of the kernel is open to them. Set securityContext.seccompProfile.type: RuntimeDefault on the pod.',
      ja: '{kind}「{name}」はコンテナ {containers} を seccomp プロファイルなしで実行しており、カーネルのすべてのシステムコールが使えます。Pod の securityContext.seccompProfile.type: RuntimeDefault を設定してください。',
    },
    container: {
      en: 'Container "{container}" sets seccompProfile type {type}, which leaves every system call open. Use RuntimeDefault (or a Localhost profile).',
      ja: 'コンテナ「{container}」は seccompProfile の type を {type} にしており、すべてのシステムコールが使えます。RuntimeDefault（または Localhost プロファイル）を使ってください。',
    },
  },
  fixable: 'quickfix',
  check({ document, report }) {
    const unconfined = findUnconfined(document);
    for (const { workload, containers: names } of unconfined.pods) {
      if (!workload.kindRange) continue;
      report({
        range: workload.kindRange,
        messageId: 'pod',
        args: { kind: workload.kind, name: nameOf(workload.manifest.yaml, workload.object) ?? '(unnamed)', containers: names.map((name) => `"${name}"`).join(', ') },
        data: { level: 'pod' },
      });
    }
    for (const ref of unconfined.containers) {
      report({
        range: ref.reportRange,
        messageId: 'container',
        args: { container: ref.name ?? '(unnamed)', type: ownProfile(ref) ?? '' },
        data: { level: 'container', container: ref.name ?? null },
      });
    }
  },
  fix({ document, finding }) {
    const profile = { seccompProfile: { type: 'RuntimeDefault' } };
    if (finding.data?.level === 'container') {
      const ref = containerAt(document, finding.range, ALL_CONTAINER_GROUPS);
      if (!ref) return undefined;
      const editor = editorFor(document.text, document.lines, ref.workload.manifest.yaml);
      return {
        title: { en: 'Use the RuntimeDefault seccomp profile', ja: 'RuntimeDefault の seccomp プロファイルを使う' },
        edits: editor.setResolved(ref.container, ['securityContext'], profile),
      };
    }
    const workload = workloadAt(document, finding.range);
    if (!workload) return undefined;
    const editor = editorFor(document.text, document.lines, workload.manifest.yaml);
    return {
      title: { en: 'Set the pod\'s seccomp profile to RuntimeDefault', ja: 'Pod の seccomp プロファイルを RuntimeDefault にする' },
      edits: editor.setResolved(workload.podSpec, ['securityContext'], profile),
    };
  },
});
