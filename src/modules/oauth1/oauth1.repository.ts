import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OAuth1TokenKind } from './entities/oauth1-token.entity';

export interface OAuth1Consumer {
  consumerId: string;
  key: string;
  appName: string;
  redirectUrl: string;
  enabled: boolean;
  secretSealed: string | null;
}

export interface StoredToken {
  tokenId: string;
  kind: OAuth1TokenKind;
  secretSealed: string;
  consumerId: string;
  userId: string | null;
  callback: string | null;
  verifierHash: string | null;
  expiresAt: Date;
  expired: boolean;
}

export interface NewToken {
  kind: OAuth1TokenKind;
  tokenHash: string;
  secretSealed: string;
  consumerId: string;
  userId: string | null;
  callback: string | null;
  lifetimeSeconds: number;
}

const TOKEN_COLUMNS = `token_id AS "tokenId", kind, secret_sealed AS "secretSealed", consumer_id AS "consumerId",
  user_id AS "userId", callback, verifier_hash AS "verifierHash", expires_at AS "expiresAt"`;

/** The OAuth 1.0a tables; one statement per operation, so the lifecycle rules hold under concurrency. */
@Injectable()
export class OAuth1Repository {
  constructor(private readonly dataSource: DataSource) {}

  async consumerByKey(key: string): Promise<OAuth1Consumer | undefined> {
    const rows: OAuth1Consumer[] = await this.dataSource.query(
      `SELECT consumer_id AS "consumerId", consumer_key AS key, app_name AS "appName", redirect_url AS "redirectUrl",
              enabled, secret_sealed AS "secretSealed"
         FROM consumers WHERE consumer_key = $1`,
      [key],
    );
    return rows[0];
  }

  async consumerById(consumerId: string): Promise<OAuth1Consumer | undefined> {
    const rows: OAuth1Consumer[] = await this.dataSource.query(
      `SELECT consumer_id AS "consumerId", consumer_key AS key, app_name AS "appName", redirect_url AS "redirectUrl",
              enabled, secret_sealed AS "secretSealed"
         FROM consumers WHERE consumer_id = $1`,
      [consumerId],
    );
    return rows[0];
  }

  async insert(token: NewToken): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO oauth1_tokens (token_id, kind, token_hash, secret_sealed, consumer_id, user_id, callback, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8))`,
      [randomUUID(), token.kind, token.tokenHash, token.secretSealed, token.consumerId, token.userId, token.callback, token.lifetimeSeconds],
    );
  }

  /** An unexpired token of that kind; with includeExpired also one past its lifetime (not yet cleaned up), flagged. */
  async find(kind: OAuth1TokenKind, tokenHash: string, options: { includeExpired?: boolean } = {}): Promise<StoredToken | undefined> {
    const rows: StoredToken[] = await this.dataSource.query(
      `SELECT ${TOKEN_COLUMNS}, expires_at <= now() AS expired FROM oauth1_tokens
        WHERE token_hash = $1 AND kind = $2 AND ($3 OR expires_at > now())`,
      [tokenHash, kind, options.includeExpired === true],
    );
    return rows[0];
  }

  /** Binds a request token to the user who authorised it; only once (false when already authorised or gone). */
  async authorise(tokenId: string, userId: string, verifierHash: string): Promise<boolean> {
    // UPDATE and DELETE answer [rows, affected] through TypeORM's query().
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE oauth1_tokens SET user_id = $2, verifier_hash = $3
        WHERE token_id = $1 AND kind = 'request' AND verifier_hash IS NULL AND expires_at > now()`,
      [tokenId, userId, verifierHash],
    );
    return affected > 0;
  }

  /** Expired request and access tokens; run now and then, not per request. */
  async deleteExpired(): Promise<void> {
    await this.dataSource.query('DELETE FROM oauth1_tokens WHERE expires_at <= now()');
  }

  /** Deletes a token; false when it was already gone (another exchange used it first). */
  async consume(tokenId: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query('DELETE FROM oauth1_tokens WHERE token_id = $1', [tokenId]);
    return affected > 0;
  }
}
