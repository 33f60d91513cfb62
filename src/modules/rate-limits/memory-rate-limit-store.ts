import type { Period } from '../consumers/entities/rate-limit.entity';
import { counterKey, type ConsumeResult, type LimitWindow, type RateLimitStore, type WindowState } from './rate-limit-store';

interface Counter {
  count: number;
  expiresAt: number;
}

/** Counters in this process: exact for one instance; use Redis when several instances share the load. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, Counter>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    // Expired counters are dropped on read; the sweep only bounds memory for keys never read again.
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async consume(key: string, windows: readonly LimitWindow[]): Promise<ConsumeResult> {
    const counters = windows.map((window) => this.live(counterKey(key, window.period)));
    const refused = windows.findIndex((window, i) => (counters[i]?.count ?? 0) + 1 > window.limit);
    if (refused >= 0) {
      const counter = counters[refused];
      return { allowed: false, window: windows[refused], count: counter?.count ?? 0, resetSeconds: this.secondsLeft(counter) };
    }
    const now = this.now();
    const updated = windows.map((window, i) => {
      const counter = counters[i] ?? { count: 0, expiresAt: now + window.seconds * 1000 };
      counter.count += 1;
      this.counters.set(counterKey(key, window.period), counter);
      return counter;
    });
    return { allowed: true, window: windows[0], count: updated[0].count, resetSeconds: this.secondsLeft(updated[0]) };
  }

  async state(key: string, periods: readonly Period[]): Promise<Map<Period, WindowState>> {
    const result = new Map<Period, WindowState>();
    for (const period of periods) {
      const counter = this.live(counterKey(key, period));
      if (counter) result.set(period, { count: counter.count, resetSeconds: this.secondsLeft(counter) });
    }
    return result;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private live(fullKey: string): Counter | undefined {
    const counter = this.counters.get(fullKey);
    if (counter && counter.expiresAt <= this.now()) {
      this.counters.delete(fullKey);
      return undefined;
    }
    return counter;
  }

  private secondsLeft(counter: Counter | undefined): number {
    return counter ? Math.max(1, Math.ceil((counter.expiresAt - this.now()) / 1000)) : 0;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, counter] of this.counters) if (counter.expiresAt <= now) this.counters.delete(key);
  }
}
