import { parseAllDocuments, visit, type Document } from 'yaml';

/** Below this size a file is parsed whole on every change: cheap enough, and one parse path is simpler to trust. */
export const MIN_CHUNKED_CHARS = 16 * 1024;

const PARSE_OPTIONS = { uniqueKeys: false, strict: false, prettyErrors: false, keepSourceTokens: false } as const;

/** A run of the file from one document-start marker (`---` at column 0) to the next, with its parsed documents. */
export interface ParsedChunk {
  text: string;
  start: number;
  documents: Document.Parsed[];
}

export function parseYamlDocuments(text: string): Document.Parsed[] {
  const parsed = parseAllDocuments(text, PARSE_OPTIONS);
  return Array.isArray(parsed) ? parsed : [];
}

/**
 * Parses a multi-document file as it is being edited, re-using the documents of the previous version whose text
 * did not change: a keystroke in one object of a 10,000-line manifest re-parses that object only. A marker at
 * column 0 ends a document in every context of valid YAML, so cutting there changes nothing; where a chunk does
 * not parse cleanly on its own (an unclosed quote running past a marker), or the file uses `%` directives
 * (which belong to the next document), the whole text is parsed instead, exactly as before.
 *
 * Re-used documents are shifted to their new offsets in place: the previous version's parse is no longer valid
 * afterwards, which is fine for its only user, the parse cache entry this one replaces.
 */
export function parseDocumentsIncrementally(
  text: string,
  previous: readonly ParsedChunk[] | undefined,
  minChars = MIN_CHUNKED_CHARS,
): { documents: Document.Parsed[]; chunks?: ParsedChunk[] } {
  const spans = text.length < minChars || /^%/m.test(text) ? [] : documentSpans(text);
  if (spans.length < 2) return { documents: parseYamlDocuments(text) };
  const reusable = new Map<string, ParsedChunk[]>();
  for (const chunk of previous ?? []) reusable.set(chunk.text, [...(reusable.get(chunk.text) ?? []), chunk]);
  const chunks: ParsedChunk[] = [];
  for (const { start, end } of spans) {
    const chunkText = text.slice(start, end);
    const old = reusable.get(chunkText)?.shift();
    if (old) {
      shiftDocuments(old.documents, start - old.start);
      chunks.push({ text: chunkText, start, documents: old.documents });
      continue;
    }
    const documents = parseYamlDocuments(chunkText);
    if (documents.some((document) => document.errors.length > 0)) return { documents: parseYamlDocuments(text) };
    shiftDocuments(documents, start);
    chunks.push({ text: chunkText, start, documents });
  }
  return { documents: chunks.flatMap((chunk) => chunk.documents), chunks };
}

/** Where documents start: offset 0 and every `---` at column 0 followed by a blank or the end of the line. */
function documentSpans(text: string): { start: number; end: number }[] {
  const starts = [0];
  for (const marker of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) if (marker.index > 0) starts.push(marker.index);
  return starts.map((start, index) => ({ start, end: starts[index + 1] ?? text.length }));
}

function shiftDocuments(documents: readonly Document.Parsed[], delta: number): void {
  if (delta === 0) return;
  const shift = (range: [number, number, number]): [number, number, number] => [range[0] + delta, range[1] + delta, range[2] + delta];
  for (const document of documents) {
    document.range = shift(document.range);
    visit(document, {
      Node(_key, node) {
        if (node.range) node.range = shift(node.range);
      },
    });
    for (const problem of [...document.errors, ...document.warnings]) problem.pos = [problem.pos[0] + delta, problem.pos[1] + delta];
  }
}
