import type { KubernetesDocument } from './parse';

/** Source characters of summary parses kept for the files' own lints: some 50 bytes of syntax tree per character. */
const DEFAULT_MAX_CHARS = 4 * 1024 * 1024;

/**
 * Parses made to summarise neighbouring manifests, handed on to the lint of those same files in one-shot runs
 * (the CLI), so a folder of N manifests is parsed N times, not 2N. Oldest first out; a parse is taken once.
 * Editor runs do not use it: their documents change under any parse kept here.
 */
export class KubernetesParseHandoff {
  private readonly documents = new Map<string, KubernetesDocument>();
  private chars = 0;

  constructor(private readonly maxChars = DEFAULT_MAX_CHARS) {}

  offer(document: KubernetesDocument): void {
    if (document.text.length > this.maxChars) return;
    this.remove(document.path);
    this.documents.set(document.path, document);
    this.chars += document.text.length;
    for (const path of this.documents.keys()) {
      if (this.chars <= this.maxChars) break;
      this.remove(path);
    }
  }

  /** The parse of this path when it was made from exactly this text; it leaves the handoff. */
  take(path: string, text: string): KubernetesDocument | undefined {
    const document = this.documents.get(path);
    if (!document || document.text !== text) return undefined;
    this.remove(path);
    return document;
  }

  private remove(path: string): void {
    const document = this.documents.get(path);
    if (!document) return;
    this.chars -= document.text.length;
    this.documents.delete(path);
  }
}
