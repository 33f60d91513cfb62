import Redis, { type ChainableCommander } from 'ioredis';
import type { Period } from '../consumers/entities/rate-limit.entity';
import { counterKey, type ConsumeResult, type LimitWindow, type RateLimitStore, type WindowState } from './rate-limit-store';

// Grants up to ARGV[1] calls of one scope in one atomic step. KEYS: one counter per window, smallest
// first; ARGV[2..]: limit and seconds per window. The calls granted are as many as fit in every
// window; every window is incremented by that number (a refused call counts nowhere). Returns
// {granted, first window's count after, its ttl, refusing window (0 if none), its count, its ttl}:
// the refusing window is the first one that the next call would overflow, as for a single call.
const CONSUME_SCRIPT = `
local asked = tonumber(ARGV[1])
local counts = {}
local granted = asked
for i, key in ipairs(KEYS) do
  counts[i] = tonumber(redis.call('GET', key) or '0')
  local room = tonumber(ARGV[2 * i]) - counts[i]
  if room < granted then granted = room end
end
if granted < 0 then granted = 0 end
if granted > 0 then
  for i, key in ipairs(KEYS) do
    counts[i] = redis.call('INCRBY', key, granted)
    if counts[i] == granted then redis.call('EXPIRE', key, tonumber(ARGV[2 * i + 1])) end
  end
end
local reply = {granted, counts[1], redis.call('TTL', KEYS[1]), 0, 0, 0}
if granted < asked then
  for i, key in ipairs(KEYS) do
    if counts[i] + 1 > tonumber(ARGV[2 * i]) then
      reply[4], reply[5], reply[6] = i, counts[i], redis.call('TTL', key)
      break
    end
  end
end
return reply
`;

/** granted, first window's count and ttl, refusing window's index (1-based, 0 if none), count and ttl. */
type ConsumeReply = [number, number, number, number, number, number];

const READY_WAIT_MS = 1000;

interface ConsumingRedis extends Redis {
  obpConsume(numberOfKeys: number, ...args: (string | number)[]): Promise<ConsumeReply>;
}

interface ConsumingPipeline extends ChainableCommander {
  obpConsume(numberOfKeys: number, ...args: (string | number)[]): ConsumingPipeline;
}

interface Waiter {
  resolve(result: ConsumeResult): void;
  reject(error: unknown): void;
}

/** The calls of one turn for one scope and one set of windows, answered by one script call. */
interface Batch {
  key: string;
  windows: readonly LimitWindow[];
  waiters: Waiter[];
}

/**
 * Counters in Redis, shared by every instance. Commands fail fast when Redis is unreachable (no
 * offline queue, short timeouts) so the caller can fail open instead of stalling requests.
 *
 * Calls made within one event-loop turn are sent together: the calls for one scope and one set of
 * windows become one script call that grants as many as fit (counted atomically in Redis, so exact
 * at the limit and across instances), and the script calls of different scopes share one pipeline.
 * Each caller gets its own result, numbered in arrival order as if the calls had been sent one by
 * one; if the round trip fails, every caller of the turn gets the error.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: ConsumingRedis;
  private readonly pending = new Map<string, Batch>();
  private flushScheduled = false;
  private readyWait: Promise<void> | undefined;

  constructor(url: string) {
    // No enableAutoPipelining: consume already sends one command (or one pipeline) per turn, and
    // ioredis would only hold it back for another turn (measured: no gain over the batching alone).
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      commandTimeout: 500,
      // On close, a socket still trying to connect is dropped after this (ioredis waits 2 s).
      disconnectTimeout: 500,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    }) as ConsumingRedis;
    // Errors surface per command (and are counted there); this only keeps ioredis from printing them.
    this.redis.on('error', () => undefined);
    this.redis.defineCommand('obpConsume', { lua: CONSUME_SCRIPT });
  }

  consume(key: string, windows: readonly LimitWindow[]): Promise<ConsumeResult> {
    const signature = batchSignature(key, windows);
    let batch = this.pending.get(signature);
    if (!batch) {
      batch = { key, windows, waiters: [] };
      this.pending.set(signature, batch);
    }
    const waiters = batch.waiters;
    const result = new Promise<ConsumeResult>((resolve, reject) => waiters.push({ resolve, reject }));
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // After the I/O callbacks of this turn: every call they made joins the batch.
      setImmediate(this.flush);
    }
    return result;
  }

  async state(key: string, periods: readonly Period[]): Promise<Map<Period, WindowState>> {
    if (this.redis.status !== 'ready') await this.ready();
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

  private readonly flush = (): void => {
    this.flushScheduled = false;
    const batches = [...this.pending.values()];
    this.pending.clear();
    if (this.redis.status === 'ready') this.send(batches);
    else void this.ready().then(() => this.send(batches));
  };

  /** One script call per batch: alone, or in one pipeline when the turn had several batches. */
  private send(batches: readonly Batch[]): void {
    try {
      if (batches.length === 1) {
        const batch = batches[0];
        this.redis.obpConsume(...scriptArguments(batch)).then(
          (reply) => settle(batch, reply),
          (error: unknown) => fail(batch, error),
        );
        return;
      }
      const pipeline = this.redis.pipeline() as ConsumingPipeline;
      for (const batch of batches) pipeline.obpConsume(...scriptArguments(batch));
      pipeline.exec().then(
        (replies) =>
          batches.forEach((batch, i) => {
            const [error, reply] = replies?.[i] ?? [new Error('Redis returned no reply for a pipelined rate-limit call')];
            if (error) fail(batch, error);
            else settle(batch, reply);
          }),
        (error: unknown) => batches.forEach((batch) => fail(batch, error)),
      );
    } catch (error) {
      batches.forEach((batch) => fail(batch, error));
    }
  }

  /**
   * Without an offline queue, commands sent while (re)connecting fail at once; wait briefly for the
   * connection instead, so the first calls after start-up are counted rather than let through. One
   * wait is shared by every turn that arrives meanwhile.
   */
  private ready(): Promise<void> {
    this.readyWait ??= new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        this.readyWait = undefined;
        resolve();
      };
      const timer = setTimeout(done, READY_WAIT_MS);
      this.redis.once('ready', done);
    });
    return this.readyWait;
  }
}

/** Calls merge only when they count the same scope against the same windows. */
function batchSignature(key: string, windows: readonly LimitWindow[]): string {
  let signature = key;
  for (const window of windows) signature += `\n${window.period}:${window.limit}:${window.seconds}`;
  return signature;
}

function scriptArguments(batch: Batch): [number, ...(string | number)[]] {
  const args: [number, ...(string | number)[]] = [batch.windows.length];
  for (const window of batch.windows) args.push(counterKey(batch.key, window.period));
  args.push(batch.waiters.length);
  for (const window of batch.windows) args.push(window.limit, window.seconds);
  return args;
}

/** The first `granted` callers are allowed, numbered in arrival order; the rest are refused. */
function settle(batch: Batch, reply: unknown): void {
  // A reply the callers cannot be answered from still answers them (with an error: they fail open).
  if (!isConsumeReply(reply, batch)) {
    fail(batch, new Error(`Unexpected reply from the rate-limit script: ${JSON.stringify(reply)}`));
    return;
  }
  const [granted, count, ttl, refusedIndex, refusedCount, refusedTtl] = reply;
  const before = count - granted;
  const resetSeconds = Math.max(0, ttl);
  batch.waiters.forEach((waiter, i) => {
    if (i < granted) waiter.resolve({ allowed: true, window: batch.windows[0], count: before + i + 1, resetSeconds });
    else waiter.resolve({ allowed: false, window: batch.windows[refusedIndex - 1], count: refusedCount, resetSeconds: Math.max(0, refusedTtl) });
  });
}

function isConsumeReply(reply: unknown, batch: Batch): reply is ConsumeReply {
  if (!Array.isArray(reply) || reply.length !== 6 || !reply.every((value) => typeof value === 'number')) return false;
  const [granted, , , refusedIndex] = reply as ConsumeReply;
  return granted >= batch.waiters.length || batch.windows[refusedIndex - 1] !== undefined;
}

function fail(batch: Batch, error: unknown): void {
  for (const waiter of batch.waiters) waiter.reject(error);
}
