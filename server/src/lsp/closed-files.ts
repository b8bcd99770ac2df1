import type { Finding } from '../engine/types';
import { affectedByNeighbours } from './neighbours';

/**
 * The closed files "Check workspace" published findings for. Their findings stay in the Problems panel as the
 * files are on disk, so they are checked again when the file, a neighbour or the configuration changes, and
 * cleared when they can no longer be read or are no longer to be checked.
 */
export class CheckedClosedFiles {
  private readonly paths = new Set<string>();

  constructor(
    /** Findings for a closed file, or undefined when it is not to be checked (disabled, excluded, configuration). */
    private readonly lint: (path: string, text: string) => Finding[] | undefined,
    private readonly publish: (path: string, findings: readonly Finding[]) => void,
    private readonly readDisk: (path: string) => string | undefined,
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
  recheckAll(isOpen: (path: string) => boolean): void {
    for (const path of [...this.paths]) if (!isOpen(path)) this.recheck(path);
  }

  /** Files changed on disk in these folders: the covered files there or below that are not open (the file itself, or its neighbours). */
  recheckAffected(changedFolders: ReadonlySet<string>, isOpen: (path: string) => boolean): void {
    for (const path of affectedByNeighbours(changedFolders, [...this.paths].filter((path) => !isOpen(path)))) this.recheck(path);
  }
}
