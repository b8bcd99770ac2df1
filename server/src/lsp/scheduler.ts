/**
 * Coalesces lint requests per document: a burst of keystrokes produces one run for the latest version,
 * and a run whose version is no longer current is dropped instead of published.
 */
export class LintScheduler {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly delayMs: number, private readonly run: (uri: string) => void) {}

  schedule(uri: string): void {
    const existing = this.pending.get(uri);
    if (existing) clearTimeout(existing);
    this.pending.set(uri, setTimeout(() => {
      this.pending.delete(uri);
      this.run(uri);
    }, this.delayMs));
  }

  cancel(uri: string): void {
    const existing = this.pending.get(uri);
    if (existing) clearTimeout(existing);
    this.pending.delete(uri);
  }
}
