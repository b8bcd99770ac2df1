import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { kubernetesObjects, nameOf } from '../../server/src/engine/kubernetes/workloads';
import { mapValue, scalarOf, seqItems } from '../../server/src/engine/kubernetes/yaml-ast';

const ROLE_KINDS = new Set(['Role', 'ClusterRole']);
const WILDCARD_FIELDS = ['apiGroups', 'resources', 'verbs'] as const;

export default defineRule({
  id: 'kubernetes/rbac-wildcard',
  language: 'kubernetes',
  defaultSeverity: 'warning',
  skill: '4.4.1#least-privilege',
  title: { en: 'List RBAC permissions explicitly instead of using *', ja: 'RBAC の権限は * ではなく明示的に列挙する' },
  messages: {
    wildcard: {
      en: '{kind} "{name}" uses "*" in {fields}: it also grants every resource or verb added later (new APIs, custom resources). List exactly the apiGroups, resources and verbs the subject needs.',
      ja: '{kind}「{name}」の {fields} に「*」があります。今後追加される API やカスタムリソース、動詞まで許可してしまいます。主体に必要な apiGroups・resources・verbs を正確に列挙してください。',
    },
  },
  peerIds: ['wildcard-in-rules'],
  check({ document, report }) {
    for (const { manifest, object, kind, kindRange } of kubernetesObjects(document)) {
      if (!ROLE_KINDS.has(kind) || !kindRange) continue;
      const yaml = manifest.yaml;
      // An aggregated ClusterRole's rules are written by the controller from other roles; those roles are checked instead.
      if (mapValue(yaml, object, 'aggregationRule') !== undefined) continue;
      const fields = new Set<string>();
      let everything = false;
      seqItems(yaml, mapValue(yaml, object, 'rules')).forEach((rule, index) => {
        if (!isMap(rule)) return;
        const wild = WILDCARD_FIELDS.filter((field) => seqItems(yaml, mapValue(yaml, rule, field)).some((item) => scalarOf(item) === '*'));
        for (const field of wild) fields.add(`rules[${index}].${field}`);
        if (wild.includes('verbs') && wild.includes('resources')) everything = true;
      });
      if (fields.size === 0) continue;
      report({
        range: kindRange,
        messageId: 'wildcard',
        args: { kind, name: nameOf(yaml, object) ?? '(unnamed)', fields: [...fields].join(', ') },
        data: { fields: [...fields] },
        // "Every verb on every resource" is cluster-admin under another name.
        severity: everything ? 'error' : undefined,
      });
    }
  },
});
