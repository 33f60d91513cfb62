import Redis from 'ioredis';
import type { LoginThrottleStore, ReserveResult, ThrottleWindow } from './login-throttle-store';

// Sliding windows as sorted sets (member = attempt id, score = time in ms). KEYS: one set per
// window; ARGV: now, window ms, attempt id, then each window's limit. Drops expired entries,
// refuses if any window is full (answering the seconds until its oldest entry leaves), else adds
// the attempt to every set: one atomic round trip.
const RESERVE_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local retry = 0
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[3 + i]) then
    local oldest = tonumber(redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2])
    local wait = math.max(1, math.ceil((oldest + window - now) / 1000))
    if wait > retry then retry = wait end
  end
end
if retry > 0 then return retry end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, window)
end
return 0
`;

interface ReservingRedis extends Redis {
  obpLoginReserve(numberOfKeys: number, ...args: (string | number)[]): Promise<number>;
}

const READY_WAIT_MS = 1000;

/** Failed-login windows in Redis, shared by every instance; fails fast when Redis is unreachable. */
export class RedisLoginThrottleStore implements LoginThrottleStore {
  private readonly redis: ReservingRedis;

  constructor(url: string) {
    this.redis = new Redis(url, {
      // Connect on first use: an app whose start fails (a bad bootstrap setting) never gets to
      // close() and would keep an open connection, so the process could not exit.
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      commandTimeout: 500,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    }) as ReservingRedis;
    this.redis.on('error', () => undefined); // surfaced per command
    this.redis.defineCommand('obpLoginReserve', { lua: RESERVE_SCRIPT });
  }

  async reserve(windows: readonly ThrottleWindow[], attemptId: string, nowMs: number, windowMs: number): Promise<ReserveResult> {
    await this.ready();
    const retry = await this.redis.obpLoginReserve(
      windows.length,
      ...windows.map((window) => window.key),
      nowMs,
      windowMs,
      attemptId,
      ...windows.map((window) => window.limit),
    );
    return retry > 0 ? { allowed: false, retryAfterSeconds: retry } : { allowed: true };
  }

  async release(keys: readonly string[], attemptId: string): Promise<void> {
    await this.ready();
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.zrem(key, attemptId);
    await pipeline.exec();
  }

  async clear(key: string): Promise<void> {
    await this.ready();
    await this.redis.del(key);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  private async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    if (this.redis.status === 'wait') this.redis.connect().catch(() => undefined); // first use (lazyConnect)
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
