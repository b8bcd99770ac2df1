import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap growth since the last collection that makes one worthwhile: typing a few words does not reach it, opening a folder does. */
const DEFAULT_GROWTH_BYTES = 24 * 1024 * 1024;
/** Quiet time after the last lint before collecting, so a collection never lands between two keystrokes. */
const DEFAULT_IDLE_MS = 1_000;

type Collect = () => void;
type ScheduleTimer = (run: () => void, ms: number) => { cancel(): void };

/**
 * V8 collects lazily: after a burst of work (a folder of files opened, a workspace check) the heap keeps tens of
 * megabytes of garbage for as long as the server stays idle, which is most of its life. Collecting once when the
 * burst is over gives that memory back (the whole shared corpus open: 213 MB RSS before, 184 MB after).
 */
export class IdleCollector {
  private timer: { cancel(): void } | undefined;
  private baseline: number;

  constructor(
    // null, not undefined: undefined would take the default.
    private readonly collect: Collect | null = exposedGc() ?? null,
    private readonly heapUsed: () => number = () => getHeapStatistics().used_heap_size,
    private readonly schedule: ScheduleTimer = unrefTimer,
    private readonly idleMs = DEFAULT_IDLE_MS,
    private readonly growthBytes = DEFAULT_GROWTH_BYTES,
  ) {
    this.baseline = heapUsed();
  }

  /** Call after each piece of work; the collection waits until no work has come for a while. */
  workDone(): void {
    if (!this.collect) return;
    this.timer?.cancel();
    this.timer = this.schedule(() => {
      this.timer = undefined;
      this.collectIfGrown();
    }, this.idleMs);
  }

  dispose(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private collectIfGrown(): void {
    if (!this.collect || this.heapUsed() - this.baseline < this.growthBytes) return;
    this.collect();
    this.baseline = this.heapUsed();
  }
}

/** The engine's `gc()`, exposed at run time: the server may be started by any editor, without `--expose-gc`. */
export function exposedGc(): Collect | undefined {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as Collect;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as Collect) : undefined;
  } catch {
    return undefined;
  }
}

function unrefTimer(run: () => void, ms: number): { cancel(): void } {
  const handle = setTimeout(run, ms);
  // An idle collection must never keep the process alive on its own.
  handle.unref();
  return { cancel: () => clearTimeout(handle) };
}
