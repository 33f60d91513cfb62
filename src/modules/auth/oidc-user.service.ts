import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { BoundedMap } from '../../common/bounded-map';
import { ObpErrors } from '../../common/errors/error-catalogue';
import { ObpException } from '../../common/errors/obp.exception';
import { AuthContextService } from './auth-context.service';
import { hashSecret } from './password-hasher';

export interface OidcIdentity {
  issuer: string;
  subject: string;
  clientId: string;
  email?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
}

/** Identities and clients whose local ids are remembered, each. */
export const REMEMBERED_IDENTITIES = 10_000;

/**
 * Get-or-create of the local user (provider = iss, provider_id = sub) and consumer (azp) for bearer
 * logins. The ids are remembered once known (users and consumers are never deleted, only locked,
 * soft-deleted or disabled, which AuthContextService checks on every call), so a known identity
 * costs no query beyond the cached auth context: before, every bearer request ran two inserts and
 * two selects.
 */
@Injectable()
export class OidcUserService {
  private readonly consumerSecretHash = hashSecret(randomBytes(32).toString('hex'));
  private readonly userIds = new BoundedMap<string, string>(REMEMBERED_IDENTITIES);
  private readonly consumerIds = new BoundedMap<string, string>(REMEMBERED_IDENTITIES);

  constructor(
    private readonly dataSource: DataSource,
    private readonly contexts: AuthContextService,
  ) {}

  async contextFor(identity: OidcIdentity): Promise<AuthContext> {
    const userKey = JSON.stringify([identity.issuer, identity.subject]);
    const knownUser = this.userIds.get(userKey);
    const knownConsumer = this.consumerIds.get(identity.clientId);
    if (knownUser !== undefined && knownConsumer !== undefined) {
      try {
        return await this.contexts.resolve(knownUser, knownConsumer);
      } catch (error) {
        // No such user row (a database restored or emptied under a running server), or the consumer
        // is disabled: look the ids up again; for a disabled consumer the second resolve refuses too.
        if (!(error instanceof ObpException && error.error === ObpErrors.DirectLoginInvalidToken)) throw error;
        this.userIds.delete(userKey);
        this.consumerIds.delete(identity.clientId);
      }
    }
    const userId = await this.userIdFor(identity);
    const consumerId = await this.consumerIdFor(identity.clientId);
    this.userIds.set(userKey, userId);
    this.consumerIds.set(identity.clientId, consumerId);
    return this.contexts.resolve(userId, consumerId);
  }

  /**
   * Insert-or-nothing then read: safe when two requests of a new user arrive together. Usernames
   * are unique per issuer regardless of case; if the provider's preferred_username is taken (by
   * another subject, in any letter case), the user is named by its subject, else by its subject
   * and a random suffix.
   */
  private async userIdFor(identity: OidcIdentity): Promise<string> {
    const names = [identity.username, identity.subject, `${identity.subject}-${randomBytes(4).toString('hex')}`].filter((name): name is string => !!name);
    for (const username of names) {
      await this.dataSource.query(
        `INSERT INTO users (user_id, provider, provider_id, username, email, first_name, last_name, validated)
         VALUES ($1, $2, $3, $4, $5, $6, $7, true)
         ON CONFLICT DO NOTHING`,
        [randomUUID(), identity.issuer, identity.subject, username, identity.email ?? '', identity.firstName ?? identity.subject, identity.lastName ?? ''],
      );
      const rows: { user_id: string }[] = await this.dataSource.query('SELECT user_id FROM users WHERE provider = $1 AND provider_id = $2', [
        identity.issuer,
        identity.subject,
      ]);
      if (rows[0]) return rows[0].user_id;
    }
    throw new Error('could not name the OIDC user');
  }

  private async consumerIdFor(clientId: string): Promise<string> {
    await this.dataSource.query(
      `INSERT INTO consumers (consumer_id, consumer_key, secret_hash, app_name, description, azp, enabled)
       VALUES ($1, $2, $3, $4, 'OpenID Connect', $4, true)
       ON CONFLICT DO NOTHING`,
      [randomUUID(), randomBytes(20).toString('hex'), await this.consumerSecretHash, clientId],
    );
    const rows: { consumer_id: string }[] = await this.dataSource.query('SELECT consumer_id FROM consumers WHERE azp = $1', [clientId]);
    return rows[0].consumer_id;
  }
}
