import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthContext, Grant } from '../../common/auth/auth-context';
import { ObpException } from '../../common/errors/obp.exception';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

interface ContextRow {
  user_id: string;
  provider: string;
  provider_id: string;
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  locked: boolean;
  deleted_at: Date | null;
  consumer_id: string | null;
  consumer_key: string | null;
  app_name: string | null;
  consumer_enabled: boolean | null;
  grants: [string, string][];
  scopes: [string, string][];
}

// One round trip: the user, the token's consumer, the user's grants and the consumer's scopes.
const CONTEXT_SQL = `
  SELECT u.user_id, u.provider, u.provider_id, u.username, u.email, u.first_name, u.last_name,
         (u.locked_at IS NOT NULL OR u.locked_until > now()) AS locked, u.deleted_at,
         c.consumer_id, c.consumer_key, c.app_name, c.enabled AS consumer_enabled,
         COALESCE((SELECT json_agg(json_build_array(e.bank_id, e.role_name))
                     FROM entitlements e WHERE e.user_id = u.user_id), '[]'::json) AS grants,
         COALESCE((SELECT json_agg(json_build_array(s.bank_id, s.role_name))
                     FROM scopes s WHERE s.consumer_id = c.consumer_id), '[]'::json) AS scopes
    FROM users u
    LEFT JOIN consumers c ON c.consumer_id = $2
   WHERE u.user_id = $1`;

interface CacheEntry {
  context: AuthContext;
  expiresAt: number;
}

/**
 * Resolves (user, consumer) from a verified token into an AuthContext, refusing locked, deleted
 * or consumer-disabled tokens. Results are cached briefly per (user, consumer); any change made
 * through this instance invalidates the affected entries at once.
 */
@Injectable()
export class AuthContextService {
  private readonly cache = new Map<string, CacheEntry>();
  /** Super admins named at run time (the bootstrap admin), in addition to OBP_SUPER_ADMIN_USER_IDS. */
  private readonly runtimeSuperAdmins = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async resolve(userId: string, consumerId: string): Promise<AuthContext> {
    const cached = this.cached(userId, consumerId);
    if (cached) return cached;

    const rows: ContextRow[] = await this.dataSource.query(CONTEXT_SQL, [userId, consumerId]);
    const context = this.toContext(rows[0]);
    const ttl = this.config.auth.contextCacheSeconds * 1000;
    if (ttl > 0) this.cache.set(`${userId}|${consumerId}`, { context, expiresAt: Date.now() + ttl });
    return context;
  }

  /** The cached context, without a database round trip; undefined when not cached or expired. */
  cached(userId: string, consumerId: string): AuthContext | undefined {
    const entry = this.cache.get(`${userId}|${consumerId}`);
    return entry && entry.expiresAt > Date.now() ? entry.context : undefined;
  }

  isSuperAdmin(userId: string): boolean {
    return this.config.auth.superAdminUserIds.includes(userId) || this.runtimeSuperAdmins.has(userId);
  }

  addSuperAdmin(userId: string): void {
    this.runtimeSuperAdmins.add(userId);
    this.invalidateUser(userId);
  }

  invalidateUser(userId: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${userId}|`)) this.cache.delete(key);
  }

  invalidateConsumer(consumerId: string): void {
    for (const key of this.cache.keys()) if (key.endsWith(`|${consumerId}`)) this.cache.delete(key);
  }

  private toContext(row: ContextRow | undefined): AuthContext {
    if (!row) throw ObpException.of('DirectLoginInvalidToken'); // user no longer exists
    if (row.deleted_at) throw ObpException.of('UserIsDeleted');
    // An administrator's lock, or an automatic one after failed logins until it ends (errors are never cached).
    if (row.locked) throw ObpException.of('UsernameHasBeenLocked');
    if (!row.consumer_id || !row.consumer_enabled) throw ObpException.of('DirectLoginInvalidToken');
    const grants: Grant[] = row.grants.map(([bankId, roleName]) => ({ bankId, roleName }));
    return {
      user: {
        userId: row.user_id,
        provider: row.provider,
        providerId: row.provider_id,
        username: row.username,
        email: row.email,
        firstName: row.first_name,
        lastName: row.last_name,
      },
      consumer: { consumerId: row.consumer_id, key: row.consumer_key ?? '', appName: row.app_name ?? '' },
      grants,
      scopes: row.scopes.map(([bankId, roleName]) => ({ bankId, roleName })),
      isSuperAdmin: this.isSuperAdmin(row.user_id),
    };
  }
}
