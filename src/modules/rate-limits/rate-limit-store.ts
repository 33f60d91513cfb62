import type { Period } from '../consumers/entities/rate-limit.entity';

/** One counting window of a limit: at most `limit` calls per `seconds`. */
export interface LimitWindow {
  period: Period;
  limit: number;
  seconds: number;
}

/** The outcome of counting one call against a set of windows. */
export interface ConsumeResult {
  allowed: boolean;
  /** The window reported in the headers: the first one refused, else the smallest. */
  window: LimitWindow;
  /** Calls counted in that window, this one included when allowed. */
  count: number;
  /** Seconds until that window's counter resets. */
  resetSeconds: number;
}

/** A window's live counter, for GET call-limits. */
export interface WindowState {
  count: number;
  resetSeconds: number;
}

/**
 * Counters behind rate limiting. `consume` is atomic per call: either every window has room and
 * every counter is incremented, or none is (a refused call is not counted, as OBP does).
 * Implementations: in-process (one instance) and Redis (shared by every instance).
 */
export interface RateLimitStore {
  consume(key: string, windows: readonly LimitWindow[]): Promise<ConsumeResult>;
  state(key: string, periods: readonly Period[]): Promise<Map<Period, WindowState>>;
  close(): Promise<void>;
}

/** Counter key of a window: the limit's scope plus the period; the hash tag keeps a scope's keys in one Redis Cluster slot. */
export function counterKey(scopeKey: string, period: Period): string {
  return `obp:rl:{${scopeKey}}:${period}`;
}
