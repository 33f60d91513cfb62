import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { Repository } from 'typeorm';
import { AppMetrics } from '../../common/metrics/metrics';
import { loadConfig } from '../../config/app-config';
import type { Period, RateLimitEntity } from '../consumers/entities/rate-limit.entity';
import { counterKey, type ConsumeResult, type LimitWindow } from './rate-limit-store';
import { RateLimitsService } from './rate-limits.service';
import { RedisRateLimitStore } from './redis-rate-limit-store';

const REDIS_URL = process.env.REDIS_URL;
/** Nothing listens on port 1: every command fails, as when Redis is down. */
const UNREACHABLE = 'redis://127.0.0.1:1/0';

const perMinute = (limit: number): LimitWindow => ({ period: 'minute', limit, seconds: 60 });
const perSecond = (limit: number): LimitWindow => ({ period: 'second', limit, seconds: 1 });
const perHour = (limit: number): LimitWindow => ({ period: 'hour', limit, seconds: 3600 });

/** The next event-loop turn: calls made before and after it are not batched together. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const allowedCounts = (results: readonly ConsumeResult[]) =>
  results
    .filter((r) => r.allowed)
    .map((r) => r.count)
    .sort((a, b) => a - b);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// Counts in a real Redis, as every instance of a deployment does; CI sets REDIS_URL.
const describeRedis = REDIS_URL ? describe : describe.skip;

describeRedis('RedisRateLimitStore against Redis (skipped without REDIS_URL)', () => {
  // Two stores on their own connections: what two server instances sharing Redis do.
  let first: RedisRateLimitStore;
  let second: RedisRateLimitStore;
  let redis: Redis;
  const run = `spec-${randomUUID()}`;
  let keys = 0;
  /** A scope of its own per test, so runs and tests never share a counter. */
  const newScope = () => `${run}|${++keys}`;
  const counter = async (scope: string, period: Period) => {
    const value = await redis.get(counterKey(scope, period));
    return value === null ? null : Number(value);
  };

  beforeAll(() => {
    first = new RedisRateLimitStore(REDIS_URL!);
    second = new RedisRateLimitStore(REDIS_URL!);
    redis = new Redis(REDIS_URL!);
  });

  afterAll(async () => {
    const left = await redis.keys(`obp:rl:{${run}|*`);
    if (left.length > 0) await redis.del(...left);
    redis.disconnect();
    await first.close();
    await second.close();
  });

  it('two instances, 3 x 40 concurrent calls at 50 per minute: exactly 50 allowed, counted 1..50 once each; the rest refused at the limit', async () => {
    const scope = newScope();
    const windows = [perMinute(50)];
    // Three turns of 40 calls, half on each instance, all in flight together: six batches racing in Redis.
    const waves: Promise<ConsumeResult>[][] = [];
    for (let wave = 0; wave < 3; wave++) {
      waves.push(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? first : second).consume(scope, windows)));
      await nextTurn();
    }
    const settled = await Promise.all(waves.map((wave) => Promise.all(wave)));
    const results = settled.flat();

    expect(results.filter((r) => r.allowed)).toHaveLength(50);
    expect(allowedCounts(results)).toEqual(range(1, 50));
    for (const refused of results.filter((r) => !r.allowed)) {
      expect(refused).toEqual({ allowed: false, window: windows[0], count: 50, resetSeconds: expect.any(Number) });
      expect(refused.resetSeconds).toBeGreaterThan(0);
      expect(refused.resetSeconds).toBeLessThanOrEqual(60);
    }
    for (const allowed of results.filter((r) => r.allowed)) expect(allowed.window).toEqual(windows[0]);
    // Within one instance's batch the first callers are the allowed ones, numbered in arrival order.
    for (const wave of settled) {
      for (const store of [0, 1]) {
        const batch = wave.filter((_, i) => i % 2 === store);
        const granted = batch.findIndex((r) => !r.allowed);
        const allowed = granted < 0 ? batch : batch.slice(0, granted);
        expect(batch.slice(allowed.length).every((r) => !r.allowed)).toBe(true);
        allowed.forEach((r, i) => expect(r.count).toBe(allowed[0].count + i));
      }
    }
    expect(await counter(scope, 'minute')).toBe(50);
  });

  it('calls in separate turns are counted one by one (X-Rate-Limit-Remaining falls by one per call)', async () => {
    const scope = newScope();
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) counts.push((await first.consume(scope, [perMinute(3)])).count);
    expect(counts).toEqual([1, 2, 3, 3]);
    expect(await counter(scope, 'minute')).toBe(3);
  });

  it('per-second and per-minute limits together: the tighter one refuses, and a refused call counts in no window', async () => {
    const scope = newScope();
    const windows = [perSecond(5), perMinute(8)];

    const burst = await Promise.all(Array.from({ length: 12 }, () => first.consume(scope, windows)));
    expect(allowedCounts(burst)).toEqual(range(1, 5));
    for (const refused of burst.filter((r) => !r.allowed)) expect(refused).toMatchObject({ window: windows[0], count: 5 });
    expect(await counter(scope, 'second')).toBe(5);
    expect(await counter(scope, 'minute')).toBe(5);

    // Once the second has passed only 3 calls are left in the minute: now the minute refuses.
    for (let waited = 0; (await counter(scope, 'second')) !== null; waited += 50) {
      expect(waited).toBeLessThan(3000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const next = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? first : second).consume(scope, windows)));
    expect(next.filter((r) => r.allowed)).toHaveLength(3);
    for (const allowed of next.filter((r) => r.allowed)) expect(allowed.window).toEqual(windows[0]);
    for (const refused of next.filter((r) => !r.allowed)) expect(refused).toMatchObject({ window: windows[1], count: 8 });
    expect(await counter(scope, 'second')).toBe(3);
    expect(await counter(scope, 'minute')).toBe(8);

    // Both full at once: the smallest period is reported, as for a call counted alone.
    const both = newScope();
    const full = await Promise.all(Array.from({ length: 5 }, () => first.consume(both, [perSecond(3), perMinute(3)])));
    for (const refused of full.filter((r) => !r.allowed)) expect(refused).toMatchObject({ window: { period: 'second' }, count: 3 });
  });

  it('different scopes in one turn are counted independently', async () => {
    const [a, b] = [newScope(), newScope()];
    const calls = Array.from({ length: 10 }, () => [first.consume(a, [perMinute(3)]), first.consume(b, [perMinute(5)])]).flat();
    const results = await Promise.all(calls);
    expect(allowedCounts(results.filter((_, i) => i % 2 === 0))).toEqual(range(1, 3));
    expect(allowedCounts(results.filter((_, i) => i % 2 === 1))).toEqual(range(1, 5));
    expect(await counter(a, 'minute')).toBe(3);
    expect(await counter(b, 'minute')).toBe(5);
  });

  it('one scope with different windows in one turn: the calls are not merged across window sets', async () => {
    const scope = newScope();
    // A limit that changed between two calls of one turn, and a record with an extra window.
    const small = Array.from({ length: 5 }, () => first.consume(scope, [perMinute(3)]));
    const larger = Array.from({ length: 5 }, () => first.consume(scope, [perMinute(5)]));
    const withHour = Array.from({ length: 5 }, () => first.consume(scope, [perMinute(5), perHour(100)]));
    const [smallResults, largerResults, hourResults] = await Promise.all([Promise.all(small), Promise.all(larger), Promise.all(withHour)]);

    expect(allowedCounts(smallResults)).toEqual([1, 2, 3]);
    expect(allowedCounts(largerResults)).toEqual([4, 5]);
    for (const refused of largerResults.filter((r) => !r.allowed)) expect(refused).toMatchObject({ window: { limit: 5 }, count: 5 });
    expect(hourResults.every((r) => !r.allowed)).toBe(true);
    expect(await counter(scope, 'minute')).toBe(5);
    // Nothing was granted to the calls with an hour window, so their hour counter was never touched.
    expect(await counter(scope, 'hour')).toBeNull();
  });

  it('a new counter expires with its window', async () => {
    const scope = newScope();
    await Promise.all([first.consume(scope, [perSecond(10), perHour(10)]), first.consume(scope, [perSecond(10), perHour(10)])]);
    expect(await redis.ttl(counterKey(scope, 'second'))).toBeGreaterThanOrEqual(0);
    expect(await redis.ttl(counterKey(scope, 'second'))).toBeLessThanOrEqual(1);
    expect(await redis.ttl(counterKey(scope, 'hour'))).toBeGreaterThan(3590);
    expect(await first.state(scope, ['hour'])).toEqual(new Map([['hour', { count: 2, resetSeconds: expect.any(Number) }]]));
  });
});

describe('RedisRateLimitStore when Redis is unreachable', () => {
  it('every caller of a failed turn gets the error, one scope or several', async () => {
    const store = new RedisRateLimitStore(UNREACHABLE);
    try {
      const alone = await Promise.allSettled(Array.from({ length: 5 }, () => store.consume('down|a', [perMinute(100)])));
      expect(alone.map((r) => r.status)).toEqual(Array(5).fill('rejected'));

      const mixed = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => store.consume(`down|${i % 3}`, i < 3 ? [perMinute(100)] : [perSecond(5), perMinute(100)])),
      );
      expect(mixed.map((r) => r.status)).toEqual(Array(6).fill('rejected'));
    } finally {
      await store.close();
    }
  });

  it('a reply the callers cannot be answered from fails every caller instead of leaving them waiting', async () => {
    const store = new RedisRateLimitStore(UNREACHABLE);
    const redis = (store as unknown as { redis: { obpConsume: (...args: unknown[]) => Promise<unknown> } }).redis;
    redis.obpConsume = async () => [0, 0, 0, 0, 0, 0]; // refused, but names no refusing window
    try {
      const calls = await Promise.allSettled(Array.from({ length: 3 }, () => store.consume('odd|a', [perMinute(1)])));
      expect(calls.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    } finally {
      await store.close();
    }
  });

  it('RateLimitsService lets every call of the batch through and counts each failure', async () => {
    const config = loadConfig({ OBP_USE_CONSUMER_LIMITS: 'true', OBP_USER_CONSUMER_LIMIT_ANONYMOUS_ACCESS: '1', REDIS_URL: UNREACHABLE, LOG_LEVEL: 'silent' });
    const metrics = new AppMetrics(false);
    const service = new RateLimitsService(config, {} as Repository<RateLimitEntity>, metrics);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      // One call per hour would be allowed if Redis answered: all ten pass because it does not.
      const calls = Array.from({ length: 10 }, () =>
        service.check({ consumerId: undefined, clientIp: '192.0.2.1', apiVersion: 'v5.1.0', apiName: 'getBanks' }),
      );
      expect(await Promise.all(calls)).toEqual(Array(10).fill(undefined));
      expect((await metrics.rateLimitStoreErrors.get()).values[0].value).toBe(10);
      expect(logged).toHaveBeenCalledTimes(1); // logged at most every 10 s, counted every time
    } finally {
      logged.mockRestore();
      await service.onModuleDestroy();
    }
  });
});
