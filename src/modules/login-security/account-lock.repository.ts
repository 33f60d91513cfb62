import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A login candidate whose attempt was counted: the password may now be checked. */
export interface ReservedAttempt {
  user_id: string;
  password_hash: string;
  validated: boolean;
  /** True when this attempt reached the limit: the account is locked unless the password is right. */
  locked_now: boolean;
}

/** Why no attempt could be counted. */
export interface RefusedCandidate {
  user_id: string;
  usable: boolean;
  locked: boolean;
}

export interface LockStatusRow {
  user_id: string;
  username: string;
  bad_login_attempts: number;
  last_failure_at: Date | null;
  created_at: Date;
  locked_at: Date | null;
}

/** Parameters of the lock period: base * 2^(locks so far), at most max (seconds). */
export interface LockPolicy {
  maxAttempts: number;
  lockSeconds: number;
  maxLockSeconds: number;
}

// The attempt is counted before the password is checked, in one UPDATE (PostgreSQL re-reads a row
// a concurrent login changed before applying it), so parallel guesses are counted like sequential
// ones. An automatic lock that has ended starts a fresh count. The attempt that reaches the limit
// locks the account at once, for lock_seconds * 2^lock_count (capped): concurrent attempts are
// then refused without a password check; if its own password turns out right, the success clears
// the lock; if the process dies meanwhile, the lock still ends by itself. A locked account (by an
// administrator, or until locked_until) is not matched: nothing is counted, no password checked.
const FRESH_COUNT = '(CASE WHEN locked_until IS NULL THEN bad_login_attempts ELSE 0 END) + 1';
const RESERVE_SQL = `
  UPDATE users
     SET bad_login_attempts = ${FRESH_COUNT},
         locked_until = CASE WHEN ${FRESH_COUNT} >= $3
                             THEN now() + least($4::float8 * power(2::float8, least(lock_count, 40)), $5::float8) * interval '1 second'
                             END,
         lock_count = lock_count + CASE WHEN ${FRESH_COUNT} >= $3 THEN 1 ELSE 0 END
   WHERE provider = $1 AND username = $2 AND deleted_at IS NULL AND password_hash IS NOT NULL
     AND locked_at IS NULL AND (locked_until IS NULL OR locked_until <= now())
  RETURNING user_id, password_hash, validated, locked_until IS NOT NULL AS locked_now`;

/** The only SQL of login failures and locks. */
@Injectable()
export class AccountLockRepository {
  constructor(private readonly dataSource: DataSource) {}

  reserveAttempt(provider: string, username: string, policy: LockPolicy): Promise<ReservedAttempt | undefined> {
    return this.updated<ReservedAttempt>(RESERVE_SQL, [provider, username, policy.maxAttempts, policy.lockSeconds, policy.maxLockSeconds]);
  }

  /** When no attempt was counted: does the user exist (usable for a password login), and is it locked? */
  async refusedCandidate(provider: string, username: string): Promise<RefusedCandidate | undefined> {
    const rows: RefusedCandidate[] = await this.dataSource.query(
      `SELECT user_id, (deleted_at IS NULL AND password_hash IS NOT NULL) AS usable, (locked_at IS NOT NULL OR locked_until > now()) AS locked
         FROM users WHERE provider = $1 AND username = $2`,
      [provider, username],
    );
    return rows[0];
  }

  /** The password was right: the count, the lock and the doubling start afresh. */
  async succeeded(userId: string): Promise<void> {
    await this.dataSource.query('UPDATE users SET bad_login_attempts = 0, lock_count = 0, locked_until = NULL WHERE user_id = $1', [userId]);
  }

  async failed(userId: string): Promise<void> {
    await this.dataSource.query('UPDATE users SET last_failure_at = now() WHERE user_id = $1', [userId]);
  }

  async status(provider: string, username: string): Promise<LockStatusRow | undefined> {
    const rows: LockStatusRow[] = await this.dataSource.query(
      'SELECT user_id, username, bad_login_attempts, last_failure_at, created_at, locked_at FROM users WHERE provider = $1 AND username = $2',
      [provider, username],
    );
    return rows[0];
  }

  /** An administrator's lock: no end; locking again refreshes its date. */
  lock(provider: string, username: string): Promise<{ user_id: string; locked_at: Date } | undefined> {
    return this.updated('UPDATE users SET locked_at = now() WHERE provider = $1 AND username = $2 RETURNING user_id, locked_at', [provider, username]);
  }

  /** Lifts every lock and resets the count (OBP also stamps the failure date with the reset). */
  unlock(provider: string, username: string): Promise<LockStatusRow | undefined> {
    return this.updated<LockStatusRow>(
      `UPDATE users SET locked_at = NULL, locked_until = NULL, lock_count = 0, bad_login_attempts = 0, last_failure_at = now()
        WHERE provider = $1 AND username = $2
        RETURNING user_id, username, bad_login_attempts, last_failure_at, created_at, locked_at`,
      [provider, username],
    );
  }

  /** The first row an UPDATE ... RETURNING answered (TypeORM gives [rows, count] for UPDATE). */
  private async updated<T>(sql: string, parameters: unknown[]): Promise<T | undefined> {
    const [rows] = await this.dataSource.query<[T[], number]>(sql, parameters);
    return rows[0];
  }
}
