/**
 * When to restart a language server that stopped. Kept free of `vscode` so it can be unit-tested: a server that
 * dies once (a crash on odd input) comes back at once; one that keeps dying is left stopped, and the user is
 * told, instead of restarting forever and burning CPU.
 */
export interface RestartPolicyOptions {
  /** Restarts allowed within the window; the next stop within it gives up. */
  maxRestarts: number;
  windowMs: number;
  now?: () => number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = { maxRestarts: 4, windowMs: 3 * 60 * 1000 };

export type RestartDecision = 'restart' | 'give-up';

export class RestartPolicy {
  private readonly restarts: number[] = [];
  private readonly now: () => number;

  constructor(private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {
    this.now = options.now ?? Date.now;
  }

  /** Called each time the server's connection closes unexpectedly. */
  serverStopped(): RestartDecision {
    const now = this.now();
    // Only recent restarts count: a crash a day is not a crash loop.
    while (this.restarts.length > 0 && now - this.restarts[0] >= this.options.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.options.maxRestarts) return 'give-up';
    this.restarts.push(now);
    return 'restart';
  }
}
