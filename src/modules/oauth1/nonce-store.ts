import Redis from 'ioredis';
import type { DataSource } from 'typeorm';

/** Where used nonces are kept: every instance must see the same store. */
export interface NonceStore {
  /** Whether the nonce was already used (a read, for OBP's check order). */
  isUsed(key: NonceKey): Promise<boolean>;
  /** Records the nonce; false when another request recorded it first. */
  remember(key: NonceKey, ttlSeconds: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface NonceKey {
  consumerKey: string;
  token: string;
  timestamp: string;
  nonce: string;
}

const CLEANUP_INTERVAL_MS = 60_000;

/** PostgreSQL: a primary key over the four parts makes remember() atomic across instances. */
export class DatabaseNonceStore implements NonceStore {
  private lastCleanup = 0;

  constructor(private readonly dataSource: DataSource) {}

  async isUsed(key: NonceKey): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM oauth1_nonces WHERE consumer_key = $1 AND token = $2 AND timestamp = $3 AND nonce = $4 AND expires_at > now()',
      [key.consumerKey, key.token, key.timestamp, key.nonce],
    );
    return rows.length > 0;
  }

  async remember(key: NonceKey, ttlSeconds: number): Promise<boolean> {
    await this.cleanUpNow();
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO oauth1_nonces (consumer_key, token, timestamp, nonce, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       ON CONFLICT (consumer_key, token, timestamp, nonce) DO UPDATE SET expires_at = EXCLUDED.expires_at
         WHERE oauth1_nonces.expires_at <= now()
       RETURNING 1`,
      [key.consumerKey, key.token, key.timestamp, key.nonce, ttlSeconds],
    );
    return rows.length > 0;
  }

  /** Expired rows go at most once a minute per instance, so the table stays the size of the window. */
  private async cleanUpNow(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_INTERVAL_MS) return;
    this.lastCleanup = Date.now();
    await this.dataSource.query('DELETE FROM oauth1_nonces WHERE expires_at <= now()');
  }

  async close(): Promise<void> {}
}

/** Redis: SET NX with an expiry; keys vanish by themselves after the window. */
export class RedisNonceStore implements NonceStore {
  private readonly redis: Redis;

  constructor(url: string) {
    // Connects on first use: an app whose start fails never closes the store, and an open
    // connection would keep the process alive.
    this.redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 1000, commandTimeout: 1000 });
    this.redis.on('error', () => undefined); // surfaced per command
  }

  async isUsed(key: NonceKey): Promise<boolean> {
    return (await this.redis.exists(redisKey(key))) === 1;
  }

  async remember(key: NonceKey, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(redisKey(key), '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

function redisKey(key: NonceKey): string {
  return `obp:oauth1:nonce:${JSON.stringify([key.consumerKey, key.token, key.timestamp, key.nonce])}`;
}
