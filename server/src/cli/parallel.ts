import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Engine } from '../engine/engine';
import type { CheckOptions } from './args';
import { checkFile, checkWorkspace, type FileJob, type FileOutcome } from './check';

/** Below this many files a second thread costs more to start (bundle, grammar) than it saves. */
export const MIN_FILES_FOR_WORKERS = 50;

/** Marks the worker data of a check worker, so the bundle knows what it was started for. */
export const CHECK_WORKER_KIND = 'infracoach-check-worker';

export interface CheckWorkerData {
  kind: typeof CHECK_WORKER_KIND;
  jobs: FileJob[];
  locale: CheckOptions['locale'];
}

interface IndexedJob {
  index: number;
  job: FileJob;
}

/**
 * How many threads (this one included) to lint with: one for a small run or `--fix` (which writes files others
 * may read), otherwise one per core. `INFRACOACH_THREADS` caps it (1 forces the sequential path).
 */
export function threadCount(jobCount: number, options: Pick<CheckOptions, 'fix'>, env: NodeJS.ProcessEnv = process.env): number {
  if (options.fix || jobCount < MIN_FILES_FOR_WORKERS) return 1;
  const cap = Number.parseInt(env.INFRACOACH_THREADS ?? '', 10);
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, Number.isFinite(cap) && cap > 0 ? cap : cores));
}

/**
 * Shares the jobs out into `count` groups of about equal bytes. The files of one folder stay together: the
 * Terraform module scope and the Kubernetes workspace summaries are built per folder, once per thread.
 */
export function partitionJobs(jobs: readonly FileJob[], count: number, sizeOf: (path: string) => number = fileSize): IndexedJob[][] {
  const folders = new Map<string, { bytes: number; jobs: IndexedJob[] }>();
  jobs.forEach((job, index) => {
    const folder = job.path.slice(0, job.path.lastIndexOf('/'));
    const group = folders.get(folder) ?? { bytes: 0, jobs: [] };
    group.bytes += sizeOf(job.file);
    group.jobs.push({ index, job });
    folders.set(folder, group);
  });
  const buckets = Array.from({ length: count }, () => ({ bytes: 0, jobs: [] as IndexedJob[] }));
  // Largest folder first into the lightest bucket: close to even, and deterministic.
  const largestFirst = [...folders.values()].sort((a, b) => b.bytes - a.bytes);
  for (const group of largestFirst) {
    const lightest = buckets.reduce((best, bucket) => (bucket.bytes < best.bytes ? bucket : best));
    lightest.bytes += group.bytes;
    lightest.jobs.push(...group.jobs);
  }
  return buckets.map((bucket) => bucket.jobs.sort((a, b) => a.index - b.index)).filter((bucket) => bucket.length > 0);
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Lints the jobs on this thread and `threads - 1` workers running `workerScript` (this same bundle, see
 * runCheckWorker), and returns the outcomes in the jobs' order, exactly as the sequential path would. A worker
 * that fails leaves its files to this thread.
 */
export async function checkInThreads(engine: Engine, jobs: readonly FileJob[], options: CheckOptions, threads: number, workerScript: string): Promise<FileOutcome[]> {
  const [own = [], ...others] = threads <= 1 ? [jobs.map((job, index) => ({ index, job }))] : partitionJobs(jobs, threads);
  const outcomes: FileOutcome[] = new Array<FileOutcome>(jobs.length);
  const pending = others.map((bucket) => runWorker(workerScript, bucket, options.locale).then(
    (results) => bucket.forEach(({ index }, position) => { outcomes[index] = results[position]; }),
    () => checkHere(engine, bucket, options, outcomes),
  ));
  checkHere(engine, own, options, outcomes);
  await Promise.all(pending);
  return outcomes;
}

function checkHere(engine: Engine, bucket: readonly IndexedJob[], options: CheckOptions, outcomes: FileOutcome[]): void {
  const workspace = checkWorkspace();
  for (const { index, job } of bucket) outcomes[index] = checkFile(engine, workspace, job, options);
}

function runWorker(script: string, bucket: readonly IndexedJob[], locale: CheckOptions['locale']): Promise<FileOutcome[]> {
  const workerData: CheckWorkerData = { kind: CHECK_WORKER_KIND, jobs: bucket.map(({ job }) => job), locale };
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData });
    let answered = false;
    worker.once('message', (results: FileOutcome[]) => {
      answered = true;
      resolve(results);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`check worker exited with code ${code}`));
    });
  });
}

/** The worker's side: its own engine over its own share of the files; the outcomes go back in one message. */
export function runCheckWorker(engine: Engine, data: CheckWorkerData): FileOutcome[] {
  const workspace = checkWorkspace();
  return data.jobs.map((job) => checkFile(engine, workspace, job, { fix: false, locale: data.locale }));
}

export function isCheckWorkerData(data: unknown): data is CheckWorkerData {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === CHECK_WORKER_KIND;
}
