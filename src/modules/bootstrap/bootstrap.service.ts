import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation } from '../../database/postgres-errors';
import { AuthContextService } from '../auth/auth-context.service';
import { ConsumersService } from '../consumers/consumers.service';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { isValidPassword } from '../users/password-policy';
import { UsersService } from '../users/users.service';

/** What the first start on an empty database created; printed once. */
export interface FirstAdmin {
  username: string;
  password: string;
  consumerKey: string;
}

const ADMIN_ROLE = 'CanCreateEntitlementAtAnyBank';

/**
 * Makes a fresh installation usable: the configured super admin and bootstrap consumer exist, or
 * (empty database, nothing configured) a first admin and consumer are created and printed once.
 * Every step is idempotent and safe when several instances start at once.
 */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');
  /** What this start created on an empty database, until main.ts takes it to print it once. */
  private firstAdmin: FirstAdmin | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly consumers: ConsumersService,
    private readonly entitlements: EntitlementsService,
    private readonly contexts: AuthContextService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { superAdminUsername, superAdminPassword, consumerKey, consumerSecret, onEmptyDatabase } = this.config.bootstrap;
    let adminId: string | undefined;
    if (superAdminUsername && superAdminPassword) adminId = await this.ensureSuperAdmin(superAdminUsername, superAdminPassword);
    if (consumerKey) await this.ensureConsumer(consumerKey, consumerSecret, adminId);
    if (!superAdminUsername && !consumerKey && onEmptyDatabase && (await this.databaseHasNoUsers())) {
      this.firstAdmin = await this.createFirstAdmin();
    }
  }

  /** The first admin created by this start (once: the password is not kept after). */
  takeFirstAdmin(): FirstAdmin | undefined {
    const created = this.firstAdmin;
    this.firstAdmin = undefined;
    return created;
  }

  async ensureSuperAdmin(username: string, password: string): Promise<string> {
    if (!isValidPassword(password)) {
      throw new Error(
        'OBP_SUPER_ADMIN_PASSWORD does not satisfy the password rule (OBP-30207): at least 10 characters with mixed numbers, ' +
          'upper and lower case letters and a special character, or longer than 16 characters.',
      );
    }
    const userId = await this.ensureLocalUser(username, password, this.config.bootstrap.superAdminEmail ?? `${username}@example.com`);
    this.contexts.addSuperAdmin(userId);
    await this.ensureRole(userId);
    return userId;
  }

  async ensureConsumer(key: string, secret: string | undefined, createdByUserId: string | undefined): Promise<void> {
    const existing = await this.consumers.findByKey(key);
    if (existing) {
      if (!existing.enabled) await this.consumers.setEnabled(existing.consumerId, true);
      return;
    }
    try {
      await this.consumers.create({
        appName: 'Bootstrap consumer',
        description: 'Created at start-up from OBP_BOOTSTRAP_CONSUMER_KEY',
        key,
        secret,
        createdByUserId,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another instance created it first
    }
  }

  /** The empty-database path; undefined when another instance won the race. */
  async createFirstAdmin(): Promise<FirstAdmin | undefined> {
    // Long enough for OBP's "longer than 16 characters" rule; base64url stays within its character set.
    const password = randomBytes(24).toString('base64url');
    let userId: string;
    try {
      userId = (
        await this.users.createLocalUser(
          { username: 'admin', password, email: 'admin@example.com', first_name: 'Admin', last_name: 'Administrator' },
          { usernameRule: 'login' },
        )
      ).user.userId;
    } catch (error) {
      if (error instanceof ObpException && error.error.code === 'OBP-20090') return undefined;
      throw error;
    }
    await this.ensureRole(userId);
    const consumer = await this.consumers.create({ appName: 'Admin console', description: 'Created on first start', createdByUserId: userId });
    return { username: 'admin', password, consumerKey: consumer.consumer.key };
  }

  private async ensureLocalUser(username: string, password: string, email: string): Promise<string> {
    const existing = await this.findLocalUserId(username);
    if (existing) {
      this.logger.log(`Super admin ${username} exists; its password is left as it is`);
      return existing;
    }
    try {
      return (await this.users.createLocalUser({ username, password, email, first_name: 'Super', last_name: 'Admin' }, { usernameRule: 'login' })).user.userId;
    } catch (error) {
      const raced = error instanceof ObpException && error.error.code === 'OBP-20090' ? await this.findLocalUserId(username) : undefined;
      if (raced) return raced;
      throw error;
    }
  }

  private async findLocalUserId(username: string): Promise<string | undefined> {
    try {
      return (await this.users.getByProviderAndUsername(this.users.localProvider, username)).user.userId;
    } catch (error) {
      if (error instanceof ObpException) return undefined;
      throw error;
    }
  }

  /** CanCreateEntitlementAtAnyBank lets the admin grant every other role, and survives restarts. */
  private async ensureRole(userId: string): Promise<void> {
    try {
      await this.entitlements.grantAsOperator(userId, ADMIN_ROLE, '', 'bootstrap');
    } catch (error) {
      if (!(error instanceof ObpException && error.error.code === 'OBP-30216')) throw error;
    }
  }

  private async databaseHasNoUsers(): Promise<boolean> {
    const rows: { any: boolean }[] = await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM users) AS any');
    return !rows[0].any;
  }
}

/**
 * The first admin's credentials as plain text, printed by main.ts straight to stdout (never
 * through the logger) as the last thing a first start says. `.ci/run` reads the `  password: `
 * and `  consumer key: ` lines.
 */
export function firstAdminBanner(admin: FirstAdmin, baseUrl: string): string {
  return [
    '',
    'First start on an empty database: created an administrator and an API consumer.',
    'Save the password now; it is not shown again.',
    `  username:     ${admin.username}`,
    `  password:     ${admin.password}`,
    `  consumer key: ${admin.consumerKey}`,
    'Get a token (README "First steps" goes on from here):',
    `  curl -X POST ${baseUrl}/my/logins/direct -H 'DirectLogin: username=${admin.username}, password=${admin.password}, consumer_key=${admin.consumerKey}'`,
    '',
  ].join('\n');
}
