import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { ServerSettingEntity } from './entities/server-setting.entity';

/** The server_settings row that keeps the provider chosen at first start. */
export const LOCAL_IDENTITY_PROVIDER_SETTING = 'local_identity_provider';

/**
 * The `provider` of this server's local users (OBP's `local_identity_provider`): sign-up stores it,
 * DirectLogin and the by-username lookups search by it, the v4.0.0+ root shows it. Resolved once at
 * start-up (see chooseLocalIdentityProvider) and injected where needed.
 */
export class LocalIdentityProvider {
  constructor(
    readonly value: string,
    /** Why this value: shown in the start-up log. */
    readonly source: ProviderSource,
  ) {}
}

export type ProviderSource = 'configured' | 'stored' | 'existing users' | 'hostname';

export interface ProviderFacts {
  /** OBP_LOCAL_IDENTITY_PROVIDER, when set. */
  configured: string | undefined;
  /** The value kept in server_settings, when a previous start chose one. */
  stored: string | undefined;
  /** The provider most local users (users with a password) have, when there are any. */
  ofExistingUsers: string | undefined;
  /** OBP's default: the hostname (OBP_HOSTNAME, else http://localhost:PORT). */
  hostname: string;
}

/**
 * OBP derives the provider from the hostname on every start, so a server moved to another port (or
 * host name) no longer finds its local users: every DirectLogin fails with 401. Here the provider is
 * part of the data: an explicit OBP_LOCAL_IDENTITY_PROVIDER wins; otherwise the value kept at first
 * start; on a first start, the provider the existing local users already have (a database from
 * before this rule), else the hostname default.
 */
export function chooseLocalIdentityProvider(facts: ProviderFacts): { value: string; source: ProviderSource } {
  if (facts.configured !== undefined) return { value: facts.configured, source: 'configured' };
  if (facts.stored !== undefined) return { value: facts.stored, source: 'stored' };
  if (facts.ofExistingUsers !== undefined) return { value: facts.ofExistingUsers, source: 'existing users' };
  return { value: facts.hostname, source: 'hostname' };
}

/**
 * Reads the facts, chooses, and keeps the choice when none is kept yet (insert-if-absent then read
 * back, so instances starting together on a new database agree). An explicit setting is kept the
 * same way on a first start, but never replaces a kept value: remove the variable and the server
 * is back on the provider its users were created with.
 */
export async function resolveLocalIdentityProvider(dataSource: DataSource, config: AppConfig): Promise<LocalIdentityProvider> {
  const settings = dataSource.getRepository(ServerSettingEntity);
  const configured = config.apiInfo.localIdentityProvider;
  const hostname = config.apiInfo.hostname;
  let stored = (await settings.findOneBy({ name: LOCAL_IDENTITY_PROVIDER_SETTING }))?.value;
  let firstStart: { value: string; source: ProviderSource } | undefined;
  if (stored === undefined) {
    const ofExistingUsers = configured === undefined ? await providerOfLocalUsers(dataSource) : undefined;
    firstStart = chooseLocalIdentityProvider({ configured, stored: undefined, ofExistingUsers, hostname });
    await settings.createQueryBuilder().insert().values({ name: LOCAL_IDENTITY_PROVIDER_SETTING, value: firstStart.value }).orIgnore().execute();
    stored = (await settings.findOneByOrFail({ name: LOCAL_IDENTITY_PROVIDER_SETTING })).value;
  }
  const chosen = chooseLocalIdentityProvider({ configured, stored, ofExistingUsers: undefined, hostname });
  // Chosen by this start (not raced by another instance): say why, rather than just "stored".
  const source = chosen.source === 'stored' && firstStart?.value === stored ? firstStart.source : chosen.source;
  return announce(new LocalIdentityProvider(chosen.value, source), hostname);
}

async function providerOfLocalUsers(dataSource: DataSource): Promise<string | undefined> {
  const rows: { provider: string }[] = await dataSource.query(
    'SELECT provider FROM users WHERE password_hash IS NOT NULL GROUP BY provider ORDER BY count(*) DESC, min(created_at) ASC LIMIT 1',
  );
  return rows[0]?.provider;
}

/** Logged when the provider is neither configured nor the hostname default: the operator should know why. */
function announce(provider: LocalIdentityProvider, hostname: string): LocalIdentityProvider {
  if (provider.value !== hostname && provider.source !== 'configured') {
    new Logger('LocalIdentityProvider').log(`Local identity provider ${provider.value} (${provider.source}); set OBP_LOCAL_IDENTITY_PROVIDER to use another`);
  }
  return provider;
}
