import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ObpErrors } from '../../common/errors/error-catalogue';
import { ObpException } from '../../common/errors/obp.exception';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { MemoryLoginThrottleStore, type LoginThrottleStore, type ThrottleWindow } from './login-throttle-store';
import { RedisLoginThrottleStore } from './redis-login-throttle-store';

/** Who is trying to log in, as throttling sees it. */
export interface LoginAttempt {
  clientIp: string;
  /** The username as sent; compared regardless of case. */
  username: string;
  /** Which identity provider the username belongs to (the local one for DirectLogin). */
  provider: string;
}

/** 429 OBP-10018 carrying the Retry-After header the response must send. */
export class LoginThrottled extends ObpException {
  readonly headers: Record<string, string>;

  constructor(readonly retryAfterSeconds: number) {
    super(ObpErrors.TooManyRequests, `Too many failed logins from this client or for this username; retry after ${retryAfterSeconds} seconds.`);
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}

// One hash tag for every key: a script's keys must share a Redis Cluster slot.
const KEY_PREFIX = 'obp:login:{throttle}';
const ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * Throttles failed logins per client IP and per username over a sliding window
 * (OBP_LOGIN_THROTTLE_*), across instances when REDIS_URL is set. Every login path (DirectLogin
 * today, an OAuth login page later) wraps its credential check in `attempt`: the attempt is
 * entered as a failure BEFORE the check runs, so parallel guesses are counted like sequential
 * ones, and taken out again when the check succeeds. A check that fails with a client error
 * (401 and the like) stays counted; a server error (500) does not. If Redis is unreachable the
 * check runs unthrottled (the per-account lockout still applies) and the failure is logged.
 */
@Injectable()
export class LoginThrottleService implements OnModuleDestroy {
  private readonly logger = new Logger(LoginThrottleService.name);
  private readonly store: LoginThrottleStore | undefined;
  private lastErrorLog = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { perIp, perUsername } = config.auth.loginThrottle;
    if (perIp > 0 || perUsername > 0) this.store = config.redisUrl ? new RedisLoginThrottleStore(config.redisUrl) : new MemoryLoginThrottleStore();
  }

  /** Runs `check` unless the client or username is over its failure budget (then 429 OBP-10018). */
  async attempt<T>(who: LoginAttempt, check: () => Promise<T>): Promise<T> {
    const windows = this.windowsOf(who);
    if (!this.store || windows.length === 0) return check();
    const attemptId = randomUUID();
    const { windowSeconds } = this.config.auth.loginThrottle;
    let reserved = false;
    try {
      const result = await this.store.reserve(windows, attemptId, Date.now(), windowSeconds * 1000);
      if (!result.allowed) throw new LoginThrottled(result.retryAfterSeconds);
      reserved = true;
    } catch (error) {
      if (error instanceof LoginThrottled) throw error;
      this.storeFailed(error);
    }
    let failedByClient = true;
    try {
      const value = await check();
      failedByClient = false;
      return value;
    } catch (error) {
      failedByClient = error instanceof ObpException && error.status < 500;
      throw error;
    } finally {
      if (reserved && !failedByClient) await this.release(windows, attemptId);
    }
  }

  /** Forgets a username's failures (an administrator unlocked the account). */
  async clearUsername(provider: string, username: string): Promise<void> {
    if (!this.store) return;
    try {
      await this.store.clear(this.usernameKey(provider, username));
    } catch (error) {
      this.storeFailed(error);
    }
  }

  /** Forgets a client IP's failures. */
  async clearClient(clientIp: string): Promise<void> {
    if (!this.store) return;
    try {
      await this.store.clear(this.clientKey(clientIp));
    } catch (error) {
      this.storeFailed(error);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.store?.close();
  }

  private windowsOf(who: LoginAttempt): ThrottleWindow[] {
    const { perIp, perUsername } = this.config.auth.loginThrottle;
    const windows: ThrottleWindow[] = [];
    if (perIp > 0) windows.push({ key: this.clientKey(who.clientIp), limit: perIp });
    if (perUsername > 0) windows.push({ key: this.usernameKey(who.provider, who.username), limit: perUsername });
    return windows;
  }

  private clientKey(clientIp: string): string {
    return `${KEY_PREFIX}:ip:${clientIp}`;
  }

  private usernameKey(provider: string, username: string): string {
    return `${KEY_PREFIX}:user:${JSON.stringify([provider, username.toLowerCase()])}`;
  }

  private async release(windows: readonly ThrottleWindow[], attemptId: string): Promise<void> {
    try {
      await this.store!.release(
        windows.map((window) => window.key),
        attemptId,
      );
    } catch (error) {
      this.storeFailed(error);
    }
  }

  private storeFailed(error: unknown): void {
    const now = Date.now();
    if (now - this.lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLog = now;
    this.logger.error(`Login throttle store unavailable, logins are not throttled: ${(error as Error).message}`);
  }
}
