import type { FuzzResponse, Send } from './http';
import type { FuzzRequest } from './request';

/** Counts what was sent, for the run's summary line. */
export class FuzzStats {
  requests = 0;
  readonly statuses = new Map<number, number>();
  readonly routes = new Set<string>();
  readonly handlers = new Set<string>();
  readonly bodyKinds = new Map<string, number>();
  /** Summed response times per handler (FUZZ_DEBUG=1 prints the slowest). */
  readonly latencyMs = new Map<string, number>();
  /** Requests slower than 2 s (FUZZ_DEBUG=1 prints them). */
  readonly slow: string[] = [];
  private startedAt = 0;
  private elapsedMs = 0;

  start(): void {
    this.startedAt = performance.now();
  }

  stop(): void {
    this.elapsedMs = performance.now() - this.startedAt;
  }

  record(handler: string, request: FuzzRequest, response: FuzzResponse): void {
    this.requests++;
    this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
    this.routes.add(request.route);
    this.handlers.add(handler);
    this.bodyKinds.set(request.body.kind, (this.bodyKinds.get(request.body.kind) ?? 0) + 1);
  }

  summary(): string {
    const statuses = [...this.statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}:${count}`)
      .join(' ');
    const bodies = [...this.bodyKinds].map(([kind, count]) => `${kind}:${count}`).join(' ');
    const seconds = this.elapsedMs / 1000;
    const rate = seconds > 0 ? Math.round(this.requests / seconds) : 0;
    const slowest = process.env.FUZZ_DEBUG
      ? [...this.latencyMs]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 20)
          .map(([handler, ms]) => `\n    ${Math.round(ms)} ms ${handler}`)
          .join('') + this.slow.map((line) => `\n    slow: ${line}`).join('')
      : '';
    return `${slowest}${slowest ? '\n  ' : ''}${this.requests} requests in ${seconds.toFixed(1)} s (${rate}/s), ${this.handlers.size} handlers, ${this.routes.size} routes; statuses ${statuses}; bodies ${bodies}`;
  }
}

/** Sends a fuzzed request and records it. */
export function recordingSender(send: Send, stats: FuzzStats, handler: string) {
  return async (request: FuzzRequest): Promise<FuzzResponse> => {
    const started = performance.now();
    const response = await send(request);
    const elapsed = performance.now() - started;
    stats.latencyMs.set(handler, (stats.latencyMs.get(handler) ?? 0) + elapsed);
    if (elapsed > 2_000 && stats.slow.length < 50)
      stats.slow.push(`${Math.round(elapsed)} ms ${response.status} ${request.method} ${request.url.slice(0, 200)} (${request.body.kind})`);
    stats.record(handler, request, response);
    return response;
  };
}

/** Runs work over items with at most `concurrency` in flight. */
export async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
