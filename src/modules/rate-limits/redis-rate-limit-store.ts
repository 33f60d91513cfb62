import Redis from 'ioredis';
import type { Period } from '../consumers/entities/rate-limit.entity';
import { counterKey, type ConsumeResult, type LimitWindow, type RateLimitStore, type WindowState } from './rate-limit-store';

// Check every window, then count in every window, in one atomic round trip. KEYS: one counter per
// window, smallest first; ARGV: limit and seconds per window. Returns {allowed, window index, count, ttl}.
const CONSUME_SCRIPT = `
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count + 1 > tonumber(ARGV[2 * i - 1]) then
    return {0, i, count, redis.call('TTL', key)}
  end
end
local first_count, first_ttl = 0, 0
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('EXPIRE', key, tonumber(ARGV[2 * i])) end
  if i == 1 then first_count = count; first_ttl = redis.call('TTL', key) end
end
return {1, 1, first_count, first_ttl}
`;

type ConsumeReply = [number, number, number, number];

const READY_WAIT_MS = 1000;

interface ConsumingRedis extends Redis {
  obpConsume(numberOfKeys: number, ...args: (string | number)[]): Promise<ConsumeReply>;
}

/**
 * Counters in Redis, shared by every instance. Commands fail fast when Redis is unreachable (no
 * offline queue, short timeouts) so the caller can fail open instead of stalling requests.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: ConsumingRedis;

  constructor(url: string) {
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      commandTimeout: 500,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    }) as ConsumingRedis;
    // Errors surface per command (and are counted there); this only keeps ioredis from printing them.
    this.redis.on('error', () => undefined);
    this.redis.defineCommand('obpConsume', { lua: CONSUME_SCRIPT });
  }

  async consume(key: string, windows: readonly LimitWindow[]): Promise<ConsumeResult> {
    await this.ready();
    const keys = windows.map((window) => counterKey(key, window.period));
    const args = windows.flatMap((window) => [window.limit, window.seconds]);
    const [allowed, index, count, ttl] = await this.redis.obpConsume(keys.length, ...keys, ...args);
    return { allowed: allowed === 1, window: windows[index - 1], count, resetSeconds: Math.max(0, ttl) };
  }

  async state(key: string, periods: readonly Period[]): Promise<Map<Period, WindowState>> {
    await this.ready();
    const pipeline = this.redis.pipeline();
    for (const period of periods) pipeline.get(counterKey(key, period)).ttl(counterKey(key, period));
    const replies = (await pipeline.exec()) ?? [];
    const result = new Map<Period, WindowState>();
    periods.forEach((period, i) => {
      const [countError, count] = replies[2 * i];
      const [ttlError, ttl] = replies[2 * i + 1];
      if (countError || ttlError) throw (countError ?? ttlError) as Error;
      if (count !== null) result.set(period, { count: Number(count), resetSeconds: Math.max(0, Number(ttl)) });
    });
    return result;
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  /**
   * Without an offline queue, commands sent while (re)connecting fail at once; wait briefly for the
   * connection instead, so the first calls after start-up are counted rather than let through.
   */
  private async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, READY_WAIT_MS);
      this.redis.once('ready', done);
    });
  }
}
