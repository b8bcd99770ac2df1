import { readFileSync, statSync } from 'node:fs';
import type { CancellationToken, ProgressToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { collectFiles } from '../cli/files';
import type { Finding } from '../engine/types';

export const CHECK_WORKSPACE_REQUEST = 'infracoach/checkWorkspace';

/** The client passes a work-done token so progress shows in its (cancellable) notification. */
export interface CheckWorkspaceParams {
  workDoneToken?: ProgressToken;
}

export interface CheckWorkspaceResult {
  files: number;
  findings: number;
  cancelled: boolean;
}

export interface WorkspaceCheckHost {
  folders: readonly string[];
  maxFileSize: number;
  /** True when the editor has the file open: its diagnostics are already live. */
  isOpen(path: string): boolean;
  /** Findings for a closed file's text, or undefined when it is excluded or is configuration. */
  lint(path: string, text: string): Finding[] | undefined;
  publish(path: string, findings: Finding[]): void;
  locale: 'en' | 'ja';
}

const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks every matching file of the workspace folders and publishes diagnostics for the closed ones, so the
 * Problems panel shows the whole workspace. Yields between files so cancellation and typing stay responsive.
 */
export async function checkWorkspace(host: WorkspaceCheckHost, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<CheckWorkspaceResult> {
  const ja = host.locale === 'ja';
  progress.begin(ja ? 'Infra Coach: ワークスペースを検査中' : 'Infra Coach: checking the workspace', 0, undefined, true);
  const { files } = collectFiles([...host.folders]);
  const result: CheckWorkspaceResult = { files: 0, findings: 0, cancelled: false };
  try {
    for (const [index, file] of files.entries()) {
      await yieldToMessages();
      if (token.isCancellationRequested) {
        result.cancelled = true;
        break;
      }
      const path = file.replace(/\\/g, '/');
      progress.report(Math.floor((index / Math.max(files.length, 1)) * 100), path.slice(path.lastIndexOf('/') + 1));
      if (host.isOpen(path)) continue;
      let text: string;
      try {
        if (statSync(file).size > host.maxFileSize) continue;
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if (text.includes('\0')) continue;
      const findings = host.lint(path, text);
      if (findings === undefined) continue;
      result.files++;
      result.findings += findings.length;
      host.publish(path, findings);
    }
  } finally {
    progress.done();
  }
  return result;
}
