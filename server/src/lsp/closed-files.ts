import type { Finding } from '../engine/types';
import { affectedByNeighbours } from './neighbours';

/**
 * The closed files "Check workspace" published findings for. Their findings stay in the Problems panel as the
 * files are on disk, so they are checked again when the file, a neighbour or the configuration changes, and
 * cleared when they can no longer be read or are no longer to be checked.
 */
export class CheckedClosedFiles {
  private readonly paths = new Set<string>();
  /** Files waiting to be checked again, one per turn of the event loop so that keystrokes are answered in between. */
  private readonly queue = new Set<string>();
  private draining = false;

  constructor(
    /** Findings for a closed file, or undefined when it is not to be checked (disabled, excluded, configuration). */
    private readonly lint: (path: string, text: string) => Finding[] | undefined,
    private readonly publish: (path: string, findings: readonly Finding[]) => void,
    private readonly readDisk: (path: string) => string | undefined,
    /** Open files show what the editor holds, never what is on disk. */
    private readonly isOpen: (path: string) => boolean,
    private readonly nextTurn: (run: () => void) => void = setImmediate,
  ) {}

  /** The workspace check found these for a closed file. */
  checked(path: string, findings: readonly Finding[]): void {
    this.paths.add(path);
    this.publish(path, findings);
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }

  /** Re-publishes a file from disk; false (and cleared) when it can no longer be read or checked. */
  recheck(path: string): boolean {
    const text = this.readDisk(path);
    const findings = text === undefined ? undefined : this.lint(path, text);
    if (findings === undefined) {
      this.paths.delete(path);
      this.publish(path, []);
      return false;
    }
    this.publish(path, findings);
    return true;
  }

  /** Settings or a configuration file changed: every covered file that is not open. */
  recheckAll(): void {
    this.enqueue([...this.paths]);
  }

  /** Files changed on disk in these folders: the covered files there or above that are not open (the file itself, or its neighbours). */
  recheckAffected(changedFolders: ReadonlySet<string>): void {
    this.enqueue(affectedByNeighbours(changedFolders, this.paths));
  }

  /** A `git checkout` can touch hundreds of covered files: they are checked one per turn, never in one long block. */
  private enqueue(paths: readonly string[]): void {
    for (const path of paths) this.queue.add(path);
    if (this.draining || this.queue.size === 0) return;
    this.draining = true;
    const step = () => {
      const [next] = this.queue;
      if (next === undefined) {
        this.draining = false;
        return;
      }
      this.queue.delete(next);
      // Opened, or covered no more, since it was queued: its own path keeps it current.
      if (this.paths.has(next) && !this.isOpen(next)) this.recheck(next);
      this.nextTurn(step);
    };
    this.nextTurn(step);
  }
}
