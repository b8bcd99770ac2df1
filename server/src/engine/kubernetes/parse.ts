import { isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import { LineIndex } from '../text';
import type { Range, WorkspaceView } from '../types';
import { parseDocumentsIncrementally, parseYamlDocuments, type ParsedChunk } from './document-chunks';
import type { KubernetesParseHandoff } from './parse-handoff';
import { mapGet } from './yaml-ast';
import { unanalysableReason, type UnanalysableReason } from './yaml-bounds';

export interface ManifestDocument {
  index: number;
  yaml: Document.Parsed;
  /** Top-level mapping, when the document is one. */
  root: YAMLMap | undefined;
  /** True when the document has string `apiVersion` and `kind`, the mark of a Kubernetes object. */
  isKubernetes: boolean;
  /** Helm or other Go-template syntax: the text is not the object Kubernetes will see, so rules stay silent. */
  isTemplate: boolean;
  apiVersion: string | undefined;
  kind: string | undefined;
  /** Where object-level findings go: the `kind:` pair. */
  kindRange: Range | undefined;
  /** Set when the document exceeds the hostile-input bounds; its contents are then dropped and no rule sees it. */
  notAnalysed?: { reason: UnanalysableReason; range: Range };
}

export interface KubernetesDocument {
  language: 'kubernetes';
  path: string;
  text: string;
  lines: LineIndex;
  documents: ManifestDocument[];
  /** The files around this one, for rules that relate objects across files (a Service and its Deployment); absent in single-file runs. */
  workspace?: WorkspaceView;
  /** One-shot runs: where parses of neighbours made for workspace summaries go, for their own lints to reuse. */
  handoff?: KubernetesParseHandoff;
  /** Editor documents: the parsed documents by chunk of text, for the next version's parse to re-use. */
  chunks?: ParsedChunk[];
}

/**
 * `editing`: the text is an editor document, parsed again on every change; `previous`, its last parse, whose
 * unchanged documents are re-used (and, being moved, no longer valid in `previous` afterwards).
 */
export function parseKubernetes(
  path: string,
  text: string,
  workspace?: WorkspaceView,
  handoff?: KubernetesParseHandoff,
  editing?: { previous: KubernetesDocument | undefined },
): KubernetesDocument {
  const shared = handoff?.take(path, text);
  if (shared) return { ...shared, ...(workspace ? { workspace } : {}), handoff };
  const lines = new LineIndex(text);
  const parsed = editing ? parseDocumentsIncrementally(text, editing.previous?.chunks) : { documents: parseYamlDocuments(text) };
  const documents = parsed.documents.map((yaml, index) => describeDocument(yaml, index, text, lines));
  // A quarantined document has lost its contents: its chunk must be parsed again to be judged again.
  const quarantined = new Set(documents.filter((document) => document.notAnalysed).map((document) => document.yaml));
  const chunks = parsed.chunks?.filter((chunk) => !chunk.documents.some((document) => quarantined.has(document)));
  return {
    language: 'kubernetes', path, text, lines, documents,
    ...(workspace ? { workspace } : {}), ...(handoff ? { handoff } : {}), ...(chunks ? { chunks } : {}),
  };
}

function describeDocument(yaml: Document.Parsed, index: number, text: string, lines: LineIndex): ManifestDocument {
  const reason = unanalysableReason(yaml);
  if (reason) {
    // Quarantine: with no contents, neither a rule nor a helper can walk into the expansion.
    const first = lines.positionAt(yaml.contents?.range?.[0] ?? yaml.range[0]);
    yaml.contents = null;
    const range = { start: first, end: { line: first.line, character: lines.lineEnd(first.line) - lines.lineStart(first.line) } };
    return {
      index, yaml, root: undefined, isTemplate: false, apiVersion: undefined, kind: undefined, kindRange: undefined, isKubernetes: false,
      notAnalysed: { reason, range },
    };
  }
  const root = isMap(yaml.contents) ? yaml.contents : undefined;
  const [start, , end] = yaml.range;
  const isTemplate = text.slice(start, end).includes('{{');
  const apiVersionPair = root ? mapGet(yaml, root, 'apiVersion') : undefined;
  const kindPair = root ? mapGet(yaml, root, 'kind') : undefined;
  const apiVersion = isScalar(apiVersionPair?.value) && typeof apiVersionPair.value.value === 'string' ? apiVersionPair.value.value : undefined;
  const kind = isScalar(kindPair?.value) && typeof kindPair.value.value === 'string' ? kindPair.value.value : undefined;
  const kindRange = kindPair && isScalar(kindPair.key) && kindPair.key.range && isScalar(kindPair.value) && kindPair.value.range
    ? lines.rangeOf(kindPair.key.range[0], kindPair.value.range[1])
    : undefined;
  return {
    index, yaml, root, isTemplate, apiVersion, kind, kindRange,
    isKubernetes: apiVersion !== undefined && kind !== undefined,
  };
}
