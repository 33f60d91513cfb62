import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ObpErrors } from '../../common/errors/error-catalogue';
import { ObpException } from '../../common/errors/obp.exception';
import { AppMetrics } from '../../common/metrics/metrics';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PERIODS, RateLimitEntity, type Period } from '../consumers/entities/rate-limit.entity';
import { MemoryRateLimitStore } from './memory-rate-limit-store';
import type { ConsumeResult, LimitWindow, RateLimitStore, WindowState } from './rate-limit-store';
import { RedisRateLimitStore } from './redis-rate-limit-store';
import { governingLimit, scopeKey, windowsOf } from './rate-limit-rules';

/** Who is calling what, as rate limiting sees it. */
export interface CallIdentity {
  consumerId: string | undefined;
  clientIp: string;
  apiVersion: string;
  apiName: string;
}

export type RateLimitHeaders = Record<'X-Rate-Limit-Limit' | 'X-Rate-Limit-Remaining' | 'X-Rate-Limit-Reset', string>;

/** The counters a call is checked against. */
interface CallPlan {
  key: string;
  windows: LimitWindow[];
}

interface CachedRecords {
  records: RateLimitEntity[];
  /** The cache interval's end, or sooner the next from/to date of a record: the plans below hold until then. */
  expiresAt: number;
  /** Plans derived from the records, by API version and name (null: no limit applies). */
  plans: Map<string, CallPlan | null>;
}

const ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * Enforces call limits (OBP_USE_CONSUMER_LIMITS). Counters live in Redis when REDIS_URL is set
 * (shared by every instance), in this process otherwise. If Redis fails, calls are let through:
 * an unavailable counter store must not take the API down. Each failure is counted in
 * obp_rate_limit_store_errors_total and logged (at most every 10 s).
 */
@Injectable()
export class RateLimitsService implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimitsService.name);
  /** Only when limits are enforced: a disabled instance opens no Redis connection. */
  private readonly store: RateLimitStore | undefined;
  private readonly cache = new Map<string, CachedRecords>();
  /** Reads of a consumer's records in flight, shared by the calls waiting for them. */
  private readonly loading = new Map<string, Promise<CachedRecords>>();
  /** OBP_RATE_LIMITING_EXCLUDE_ENDPOINTS, looked up on every call. */
  private readonly excluded: ReadonlySet<string>;
  /** OBP_USER_CONSUMER_LIMIT_ANONYMOUS_ACCESS as a window, built once (undefined: no limit). */
  private readonly anonymousWindows: LimitWindow[] | undefined;
  private lastErrorLog = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(RateLimitEntity) private readonly limits: Repository<RateLimitEntity>,
    private readonly metrics: AppMetrics,
  ) {
    if (config.rateLimits.enabled) this.store = config.redisUrl ? new RedisRateLimitStore(config.redisUrl) : new MemoryRateLimitStore();
    this.excluded = new Set(config.rateLimits.excludedEndpoints);
    const perHour = config.rateLimits.anonymousPerHour;
    this.anonymousWindows = perHour > 0 ? [{ period: 'hour', limit: perHour, seconds: 3600 }] : undefined;
  }

  get enabled(): boolean {
    return this.config.rateLimits.enabled;
  }

  /** Counts the call; returns the headers to send, or throws 429 OBP-10018 carrying them. */
  async check(call: CallIdentity): Promise<RateLimitHeaders | undefined> {
    if (!this.store || this.excluded.has(call.apiName)) return undefined;
    let plan: CallPlan | null | undefined;
    if (call.consumerId) {
      // Cached records give the plan without a promise; a database read only once per interval.
      plan = this.cachedPlan(call.consumerId, call);
      if (plan === undefined) plan = this.planOf(await this.recordsOf(call.consumerId), call);
    } else plan = this.anonymousPlan(call.clientIp);
    if (!plan) return undefined;

    let result: ConsumeResult;
    try {
      result = await this.store.consume(plan.key, plan.windows);
    } catch (error) {
      this.storeFailed(error);
      return undefined;
    }
    const headers = {
      'X-Rate-Limit-Limit': String(result.window.limit),
      'X-Rate-Limit-Remaining': String(result.allowed ? Math.max(0, result.window.limit - result.count) : 0),
      'X-Rate-Limit-Reset': String(result.resetSeconds),
    };
    if (!result.allowed) {
      const who = call.consumerId ? 'this Consumer' : 'anonymous access';
      throw new RateLimitExceeded(`We only allow ${result.window.limit} requests per ${result.window.period} for ${who}.`, headers);
    }
    return headers;
  }

  /** The consumer-wide record in force (no version, name or bank), for GET call-limits. */
  async consumerWideLimit(consumerId: string): Promise<RateLimitEntity | undefined> {
    const records = await this.limits.findBy({ consumerId });
    return governingLimit(
      records.filter((r) => r.apiVersion === null && r.apiName === null),
      '',
      '',
    );
  }

  /** Live counters of the consumer-wide scope; periods without a counter are absent. */
  async consumerWideState(consumerId: string): Promise<Map<Period, WindowState>> {
    if (!this.store) return new Map();
    try {
      return await this.store.state([consumerId, '', '', ''].join('|'), PERIODS);
    } catch (error) {
      this.storeFailed(error);
      return new Map();
    }
  }

  /** Call after a limit record changes: this instance applies it to the next call. */
  invalidate(consumerId: string): void {
    this.cache.delete(consumerId);
    this.loading.delete(consumerId);
  }

  async onModuleDestroy(): Promise<void> {
    await this.store?.close();
  }

  /** The plan of a call from the cached records, without a promise; undefined when not cached. */
  private cachedPlan(consumerId: string, call: CallIdentity): CallPlan | null | undefined {
    const cached = this.cache.get(consumerId);
    if (!cached || cached.expiresAt <= Date.now()) return undefined;
    return this.planOf(cached, call);
  }

  private planOf(cached: CachedRecords, call: CallIdentity): CallPlan | null {
    const planKey = `${call.apiVersion} ${call.apiName}`;
    let plan = cached.plans.get(planKey);
    if (plan === undefined) {
      const record = governingLimit(cached.records, call.apiVersion, call.apiName);
      const windows = record ? windowsOf(record) : [];
      plan = record && windows.length > 0 ? { key: scopeKey(record), windows } : null;
      cached.plans.set(planKey, plan);
    }
    return plan;
  }

  private anonymousPlan(clientIp: string): CallPlan | undefined {
    return this.anonymousWindows ? { key: `anonymous|${clientIp}`, windows: this.anonymousWindows } : undefined;
  }

  /**
   * A consumer's records, reused for OBP_RATE_LIMIT_CACHE_SECONDS (one small query per consumer per
   * interval), or until a record's from/to date passes (which changes the governing record). The
   * calls that find the cache expired share one read.
   */
  private recordsOf(consumerId: string): Promise<CachedRecords> {
    const cached = this.cache.get(consumerId);
    if (cached && cached.expiresAt > Date.now()) return Promise.resolve(cached);
    const pending = this.loading.get(consumerId);
    if (pending) return pending;
    const load: Promise<CachedRecords> = this.limits.findBy({ consumerId }).then(
      (records) => {
        const now = Date.now();
        const loaded: CachedRecords = { records, expiresAt: now + this.config.rateLimits.limitsCacheSeconds * 1000, plans: new Map() };
        for (const record of records)
          for (const date of [record.fromDate.getTime(), record.toDate.getTime()]) if (date > now && date < loaded.expiresAt) loaded.expiresAt = date;
        // Kept only if no invalidate() came meanwhile (the read may predate the change).
        if (this.loading.get(consumerId) === load) {
          this.loading.delete(consumerId);
          if (loaded.expiresAt > now) this.cache.set(consumerId, loaded);
        }
        return loaded;
      },
      (error: unknown) => {
        if (this.loading.get(consumerId) === load) this.loading.delete(consumerId);
        throw error;
      },
    );
    this.loading.set(consumerId, load);
    return load;
  }

  private storeFailed(error: unknown): void {
    this.metrics.rateLimitStoreErrors.inc();
    const now = Date.now();
    if (now - this.lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLog = now;
    this.logger.error(`Rate-limit store unavailable, letting calls through: ${(error as Error).message}`);
  }
}

/** 429 OBP-10018 with the X-Rate-Limit-* headers the error response must carry. */
export class RateLimitExceeded extends ObpException {
  constructor(
    detail: string,
    readonly headers: RateLimitHeaders,
  ) {
    super(ObpErrors.TooManyRequests, detail);
  }
}
