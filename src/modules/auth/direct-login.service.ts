import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseDirectLoginParameters, type DirectLoginParameters, type HeaderBag } from '../../common/auth/direct-login-header';
import { ObpException } from '../../common/errors/obp.exception';
import { LocalIdentityProvider } from '../identity-provider/local-identity-provider';
import { isBasicPassword } from '../users/password-policy';
import { AccountLockService } from '../login-security/account-lock.service';
import { LoginThrottleService } from '../login-security/login-throttle.service';
import { TokenService } from './token.service';

const USERNAME_SYNTAX = /^[A-Za-z0-9\-._@ ]+$/;
const CONSUMER_KEY_SYNTAX = /^[A-Za-z0-9-]+$/;

/** POST /my/logins/direct, in OBP's check order (auth.md §2.1). */
@Injectable()
export class DirectLoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly locks: AccountLockService,
    private readonly localProvider: LocalIdentityProvider,
  ) {}

  /**
   * Syntax errors are answered at once; then failed logins are throttled per client IP and per
   * username (429 OBP-10018), and the account's failure count and lock decide (OBP-20004/20013).
   */
  async login(headers: HeaderBag, clientIp: string): Promise<string> {
    const parameters = this.parameters(headers);
    const { username, password, consumer_key: consumerKey } = this.requireAll(parameters);
    this.checkSyntax(username, password, consumerKey);

    const provider = this.localProvider.value;
    return this.throttle.attempt({ clientIp, username, provider }, async () => {
      const consumerId = await this.enabledConsumerId(consumerKey);
      const userId = await this.locks.checkPassword(provider, username, password);
      return this.tokens.issue({ sub: userId, cid: consumerId });
    });
  }

  /**
   * A local user's username and password, with DirectLogin's throttling, failure count and lock:
   * the OAuth 1.0a login page uses it. Returns the user_id.
   */
  async verifyCredentials(username: string, password: string, clientIp: string): Promise<string> {
    if (!username || !password) throw ObpException.of('InvalidLoginCredentials');
    if (username.length > 512 || password.length > 512) throw ObpException.of('InvalidValueLength');
    if (!USERNAME_SYNTAX.test(username) || !isBasicPassword(password)) throw ObpException.of('InvalidLoginCredentials');
    const provider = this.localProvider.value;
    return this.throttle.attempt({ clientIp, username, provider }, () => this.locks.checkPassword(provider, username, password));
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
    const rows: { consumer_id: string }[] = await this.dataSource.query('SELECT consumer_id FROM consumers WHERE consumer_key = $1 AND enabled', [key]);
    if (rows.length === 0) throw ObpException.of('InvalidConsumerKey');
    return rows[0].consumer_id;
  }
}
