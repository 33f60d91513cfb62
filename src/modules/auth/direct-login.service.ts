import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseDirectLoginParameters, type DirectLoginParameters, type HeaderBag } from '../../common/auth/direct-login-header';
import { ObpException } from '../../common/errors/obp.exception';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { LocalIdentityProvider } from '../identity-provider/local-identity-provider';
import { isBasicPassword } from '../users/password-policy';
import { dummySecretHash, verifySecret } from './password-hasher';
import { TokenService } from './token.service';

interface LoginCandidate {
  user_id: string;
  password_hash: string | null;
  validated: boolean;
  locked_at: Date | null;
  deleted_at: Date | null;
}

const USERNAME_SYNTAX = /^[A-Za-z0-9\-._@ ]+$/;
const CONSUMER_KEY_SYNTAX = /^[A-Za-z0-9-]+$/;

/** POST /my/logins/direct, in OBP's check order (auth.md §2.1). */
@Injectable()
export class DirectLoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly localProvider: LocalIdentityProvider,
  ) {}

  async login(headers: HeaderBag): Promise<string> {
    const parameters = this.parameters(headers);
    const { username, password, consumer_key: consumerKey } = this.requireAll(parameters);
    this.checkSyntax(username, password, consumerKey);

    const consumerId = await this.enabledConsumerId(consumerKey);
    const userId = await this.authenticate(username, password);
    return this.tokens.issue({ sub: userId, cid: consumerId });
  }

  /**
   * A local user's username and password, checked as a DirectLogin checks them (syntax, lockout,
   * argon2): the OAuth 1.0a login page uses it. Returns the user_id.
   */
  async verifyCredentials(username: string, password: string, _clientIp: string): Promise<string> {
    if (!username || !password) throw ObpException.of('InvalidLoginCredentials');
    if (username.length > 512 || password.length > 512) throw ObpException.of('InvalidValueLength');
    if (!USERNAME_SYNTAX.test(username) || !isBasicPassword(password)) throw ObpException.of('InvalidLoginCredentials');
    return this.authenticate(username, password);
  }

  private parameters(headers: HeaderBag): DirectLoginParameters {
    const dedicated = headers['directlogin'];
    if (dedicated !== undefined) return parseDirectLoginParameters(String(dedicated));
    const authorization = headers['authorization'];
    if (authorization === undefined) throw ObpException.of('MissingDirectLoginHeader');
    if (!String(authorization).includes('DirectLogin')) throw ObpException.of('InvalidDirectLoginHeader');
    return parseDirectLoginParameters(String(authorization));
  }

  private requireAll(parameters: DirectLoginParameters): Required<Omit<DirectLoginParameters, 'token'>> {
    const missing = (['username', 'password', 'consumer_key'] as const).filter((key) => !parameters[key]);
    if (missing.length > 0) throw ObpException.of('DirectLoginMissingParameters', missing.join(', '));
    return parameters as Required<Omit<DirectLoginParameters, 'token'>>;
  }

  private checkSyntax(username: string, password: string, consumerKey: string): void {
    if (username.length > 512 || password.length > 512) throw ObpException.of('InvalidValueLength');
    if (!USERNAME_SYNTAX.test(username) || !isBasicPassword(password)) throw ObpException.of('InvalidValueCharacters');
    if (consumerKey.length > 512) throw ObpException.of('ConsumerKeyIsToLong');
    if (!CONSUMER_KEY_SYNTAX.test(consumerKey)) throw ObpException.of('ConsumerKeyIsInvalid');
  }

  private async enabledConsumerId(key: string): Promise<string> {
    const rows: { consumer_id: string }[] = await this.dataSource.query(
      'SELECT consumer_id FROM consumers WHERE consumer_key = $1 AND enabled',
      [key],
    );
    if (rows.length === 0) throw ObpException.of('InvalidConsumerKey');
    return rows[0].consumer_id;
  }

  /** Local users only; every failure path costs one argon2 verification. */
  private async authenticate(username: string, password: string): Promise<string> {
    const rows: LoginCandidate[] = await this.dataSource.query(
      `SELECT user_id, password_hash, validated, locked_at, deleted_at
         FROM users WHERE provider = $1 AND username = $2`,
      [this.localProvider.value, username],
    );
    const user = rows[0];
    if (!user || !user.password_hash || user.deleted_at) {
      await verifySecret(await dummySecretHash(), password);
      throw ObpException.of('InvalidLoginCredentials');
    }
    if (user.locked_at) throw ObpException.of('UsernameHasBeenLocked');

    const matches = await verifySecret(user.password_hash, password);
    if (!matches || !user.validated) {
      if (!matches) await this.recordFailure(user.user_id);
      throw ObpException.of('InvalidLoginCredentials');
    }
    await this.dataSource.query('UPDATE users SET bad_login_attempts = 0 WHERE user_id = $1 AND bad_login_attempts > 0', [user.user_id]);
    return user.user_id;
  }

  /** Atomic count; the attempt that reaches the limit locks the account. */
  private async recordFailure(userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE users
          SET bad_login_attempts = bad_login_attempts + 1,
              locked_at = CASE WHEN bad_login_attempts + 1 >= $2 THEN now() ELSE locked_at END
        WHERE user_id = $1`,
      [userId, this.config.auth.maxBadLoginAttempts],
    );
  }
}
