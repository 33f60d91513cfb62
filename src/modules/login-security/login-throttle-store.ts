/** One sliding window: at most `limit` failures per `windowMs` under `key`. */
export interface ThrottleWindow {
  key: string;
  limit: number;
}

export type ReserveResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Failed-login windows. `reserve` is atomic over all the windows: either each has room and the
 * attempt is entered in each (as a failure until released), or none is touched. `release` takes
 * an attempt out again (it succeeded). Implementations: in-process and Redis (shared by instances).
 */
export interface LoginThrottleStore {
  reserve(windows: readonly ThrottleWindow[], attemptId: string, nowMs: number, windowMs: number): Promise<ReserveResult>;
  release(keys: readonly string[], attemptId: string): Promise<void>;
  clear(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Attempts are kept as (id, time) per key; expired ones are dropped on access and by a sweep. */
export class MemoryLoginThrottleStore implements LoginThrottleStore {
  private readonly attempts = new Map<string, Map<string, number>>();
  private readonly sweeper: NodeJS.Timeout;
  private windowMs = 0;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async reserve(windows: readonly ThrottleWindow[], attemptId: string, nowMs: number, windowMs: number): Promise<ReserveResult> {
    this.windowMs = windowMs;
    let retryAfterSeconds = 0;
    for (const window of windows) {
      const live = this.live(window.key, nowMs - windowMs);
      if (live.size >= window.limit) {
        const oldest = Math.min(...live.values());
        retryAfterSeconds = Math.max(retryAfterSeconds, Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000)));
      }
    }
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds };
    for (const window of windows) {
      let entries = this.attempts.get(window.key);
      if (!entries) this.attempts.set(window.key, (entries = new Map<string, number>()));
      entries.set(attemptId, nowMs);
    }
    return { allowed: true };
  }

  async release(keys: readonly string[], attemptId: string): Promise<void> {
    for (const key of keys) this.attempts.get(key)?.delete(attemptId);
  }

  async clear(key: string): Promise<void> {
    this.attempts.delete(key);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private live(key: string, since: number): Map<string, number> {
    const entries = this.attempts.get(key) ?? new Map<string, number>();
    for (const [id, at] of entries) if (at <= since) entries.delete(id);
    if (entries.size === 0) this.attempts.delete(key);
    return entries;
  }

  private sweep(): void {
    const since = this.now() - this.windowMs;
    for (const key of [...this.attempts.keys()]) this.live(key, since);
  }
}
