import { Inject, Injectable } from '@nestjs/common';
import { ObpException } from '../../common/errors/obp.exception';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthContextService } from '../auth/auth-context.service';
import { dummySecretHash, verifySecret } from '../auth/password-hasher';
import { AccountLockRepository, type LockPolicy, type LockStatusRow } from './account-lock.repository';
import { LoginThrottleService } from './login-throttle.service';

/**
 * Password checks with the per-account lockout, and the administrators' lock and unlock.
 *
 * After OBP_MAX_BAD_LOGIN_ATTEMPTS failures the account is locked for OBP_LOGIN_LOCK_SECONDS,
 * twice as long for each further lock until a successful login (at most
 * OBP_LOGIN_LOCK_MAX_SECONDS); the lock ends by itself. An administrator's lock
 * (POST .../locks) has no end; PUT .../lock-status lifts every lock. While locked, the user's
 * tokens are refused too (AuthContextService), and work again when the lock ends.
 */
@Injectable()
export class AccountLockService {
  constructor(
    private readonly locks: AccountLockRepository,
    private readonly contexts: AuthContextService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The user id when the password is right; 401 OBP-20004 otherwise, 401 OBP-20013 when locked.
   * The failure is counted before the password is checked (see AccountLockRepository); unknown
   * users cost the same argon2 verification as known ones.
   */
  async checkPassword(provider: string, username: string, password: string): Promise<string> {
    const attempt = await this.locks.reserveAttempt(provider, username, this.policy);
    if (!attempt) {
      const candidate = await this.locks.refusedCandidate(provider, username);
      if (candidate?.usable && candidate.locked) throw ObpException.of('UsernameHasBeenLocked');
      await verifySecret(await dummySecretHash(), password);
      throw ObpException.of('InvalidLoginCredentials');
    }
    if (attempt.locked_now) this.contexts.invalidateUser(attempt.user_id);
    if (!(await verifySecret(attempt.password_hash, password))) {
      await this.locks.failed(attempt.user_id);
      throw ObpException.of('InvalidLoginCredentials');
    }
    await this.locks.succeeded(attempt.user_id);
    if (attempt.locked_now) this.contexts.invalidateUser(attempt.user_id);
    // The right password of a user whose e-mail is not validated yet: no failure, but no login (as OBP).
    if (!attempt.validated) throw ObpException.of('InvalidLoginCredentials');
    return attempt.user_id;
  }

  async status(provider: string, username: string): Promise<LockStatusRow> {
    return this.found(await this.locks.status(provider, username));
  }

  async lock(provider: string, username: string): Promise<{ user_id: string; locked_at: Date }> {
    const locked = this.found(await this.locks.lock(provider, username));
    this.contexts.invalidateUser(locked.user_id);
    return locked;
  }

  async unlock(provider: string, username: string): Promise<LockStatusRow> {
    const status = this.found(await this.locks.unlock(provider, username));
    this.contexts.invalidateUser(status.user_id);
    await this.throttle.clearUsername(provider, username);
    return status;
  }

  private get policy(): LockPolicy {
    const { maxBadLoginAttempts, loginLockSeconds, loginLockMaxSeconds } = this.config.auth;
    return { maxAttempts: maxBadLoginAttempts, lockSeconds: loginLockSeconds, maxLockSeconds: loginLockMaxSeconds };
  }

  private found<T>(row: T | undefined): T {
    if (!row) throw ObpException.of('UserNotFoundByProviderAndUsername');
    return row;
  }
}
