import { isMap, isScalar, type YAMLMap } from 'yaml';
import { containsCredentialWord } from '../../server/src/engine/credential-words';
import { defineRule } from '../../server/src/engine/rule';
import { containers, nameOf, pairRange, type ContainerRef } from '../../server/src/engine/kubernetes/workloads';
import { mapGet, mapValue, resolveNode, scalarOf, seqItems } from '../../server/src/engine/kubernetes/yaml-ast';
import { editorFor } from '../../server/src/engine/kubernetes/yaml-edit';
import type { KubernetesDocument } from '../../server/src/engine/kubernetes/parse';
import type { Range } from '../../server/src/engine/types';

/** Values that stand for a secret rather than being one: sample manifests are full of them. */
const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /^<.*>$/s,
  /^\[.*\]$/s,
  /^(INSERT|REPLACE|YOUR|ENTER)[_\- ]/i,
  /^(CHANGE[_-]?ME|REPLACE[_-]?ME|TODO|TBD|FIXME|PLACEHOLDER|REDACTED|DUMMY|EXAMPLE|NONE|NULL|TRUE|FALSE)$/i,
  /^\$\{[^}]*\}$/,
  /^\{\{.*\}\}$/s,
  /^[xX*.]+$/,
];

/**
 * A literal that is not worth reporting: empty, a placeholder, a `$(OTHER_VAR)` expansion Kubernetes fills
 * in from other variables, an absolute file path, or the variable's own name used as a marker
 * (`GOOGLE_API_KEY: GOOGLE_API_KEY_VAL`).
 */
export function isPlaceholderValue(variable: string, value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  if (PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(trimmed))) return true;
  if (trimmed.includes('$(')) return true;
  if (/^\/[\w./-]*$/.test(trimmed)) return true;
  return /^[A-Z0-9_]+$/.test(trimmed) && trimmed.includes(variable.toUpperCase());
}

interface LiteralSecret {
  ref: ContainerRef;
  item: YAMLMap;
  variable: string;
  range: Range;
}

function literalSecrets(document: KubernetesDocument, ignored: ReadonlySet<string>): LiteralSecret[] {
  const found: LiteralSecret[] = [];
  for (const ref of containers(document)) {
    const yaml = ref.workload.manifest.yaml;
    for (const item of seqItems(yaml, mapValue(yaml, ref.container, 'env'))) {
      if (!isMap(item)) continue;
      const variable = scalarOf(mapValue(yaml, item, 'name'));
      if (typeof variable !== 'string' || ignored.has(variable.toUpperCase()) || !containsCredentialWord(variable)) continue;
      const value = mapGet(yaml, item, 'value');
      const literal = value ? resolveNode(yaml, value.value) : undefined;
      if (!isScalar(literal) || literal.value === null || typeof literal.value === 'object') continue;
      if (isPlaceholderValue(variable, String(literal.value))) continue;
      const range = pairRange(yaml, item, 'name', document.lines);
      if (range) found.push({ ref, item, variable, range });
    }
  }
  return found;
}

function ignoredNames(option: unknown): Set<string> {
  return new Set(Array.isArray(option) ? option.filter((name): name is string => typeof name === 'string').map((name) => name.toUpperCase()) : []);
}

/** A Secret name the fix can point at: the workload's name, which is a valid DNS subdomain already. */
function secretNameFor(secret: LiteralSecret): string {
  const owner = nameOf(secret.ref.workload.manifest.yaml, secret.ref.workload.object) ?? secret.ref.name ?? 'app';
  return `${owner}-secrets`;
}

export default defineRule({
  id: 'kubernetes/secret-in-env',
  language: 'kubernetes',
  defaultSeverity: 'error',
  skill: '4.4.1#secrets-management',
  title: { en: 'Keep secret values out of manifests', ja: 'シークレットの値をマニフェストに書かない' },
  messages: {
    literal: {
      en: 'Environment variable {variable} of container "{container}" holds a literal value that looks like a credential: it is now in Git history and visible to anyone who can read the workload. Put it in a Secret and use valueFrom.secretKeyRef (or mount the Secret as a file).',
      ja: 'コンテナ「{container}」の環境変数 {variable} に認証情報らしき値が直接書かれています。Git の履歴に残り、ワークロードを読める人なら誰でも見られます。Secret に移して valueFrom.secretKeyRef で参照してください（ファイルとしてマウントしても構いません）。',
    },
  },
  options: {
    ignoreNames: {
      type: 'array',
      default: [],
      description: {
        en: 'Variable names that are not secrets despite their name (compared case-insensitively).',
        ja: '名前に反して秘密情報ではない変数名（大文字小文字を区別しません）。',
      },
    },
  },
  fixable: 'quickfix',
  peerIds: ['env-var-secret'],
  check({ document, options, report }) {
    for (const secret of literalSecrets(document, ignoredNames(options.ignoreNames))) {
      report({
        range: secret.range,
        messageId: 'literal',
        args: { variable: secret.variable, container: secret.ref.name ?? '(unnamed)' },
        data: { container: secret.ref.name ?? null, variable: secret.variable, secret: secretNameFor(secret) },
      });
    }
  },
  fix({ document, options, finding }) {
    const secret = literalSecrets(document, ignoredNames(options.ignoreNames)).find((candidate) => candidate.range.start.line === finding.range.start.line
      && candidate.range.start.character === finding.range.start.character);
    if (!secret) return undefined;
    const secretName = secretNameFor(secret);
    const editor = editorFor(document.text, document.lines, secret.ref.workload.manifest.yaml);
    const edit = editor.replaceEntry(secret.item, 'value', 'valueFrom', { secretKeyRef: { name: secretName, key: secret.variable } });
    if (!edit) return undefined;
    return {
      title: {
        en: `Read ${secret.variable} from Secret "${secretName}" (create it first: kubectl create secret generic ${secretName} --from-literal=${secret.variable}=…)`,
        ja: `${secret.variable} を Secret「${secretName}」から読む（先に作成：kubectl create secret generic ${secretName} --from-literal=${secret.variable}=…）`,
      },
      edits: [edit],
    };
  },
});
