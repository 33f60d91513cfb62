import { Controller, Param } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import type { RoleName } from '../../common/auth/roles';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { LocalIdentityProvider } from '../identity-provider/local-identity-provider';
import { between, only } from '../../common/versioning/api-versions';
import { AccountLockService } from './account-lock.service';
import { BadLoginStatusJson, UserLockStatusJson } from './dto/lock-status.json';
import { toBadLoginStatusJson, toUserLockStatusJson } from './lock-status.mapper';

function common(role: RoleName) {
  return {
    access: anyRole(role),
    tags: ['User'],
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'UserNotFoundByProviderAndUsername', 'UnknownError'],
  } satisfies Partial<ObpEndpointOptions>;
}

const READ_DESCRIPTION =
  'The failed logins since the last successful login or unlock and the date of the last one. After OBP_MAX_BAD_LOGIN_ATTEMPTS failures ' +
  'the account is locked for OBP_LOGIN_LOCK_SECONDS, twice as long for each further lock until a successful login; the lock ends by itself.';
const UNLOCK_DESCRIPTION =
  'Lifts every lock of the user (after failed logins or by an administrator), resets the failure count and the login throttle of the ' +
  'username, and answers the fresh status. Empty body.';
const LOCK_DESCRIPTION =
  "Locks the user until an administrator unlocks it (PUT .../lock-status): no login, and the user's tokens stop working at once. Empty body; answers 200.";

/** Lock status, unlock and lock of users (system roles CanReadUserLockedStatus, CanUnlockUser, CanLockUser). */
@Controller()
export class LockStatusController {
  constructor(
    private readonly locks: AccountLockService,
    private readonly localIdentityProvider: LocalIdentityProvider,
  ) {}

  private get localProvider(): string {
    return this.localIdentityProvider.value;
  }

  @ObpEndpoint({
    ...common('CanReadUserLockedStatus'),
    operationId: 'OBPv3.1.0-getBadLoginStatus',
    verb: 'GET',
    path: '/users/USERNAME/lock-status',
    versions: between('3.1.0', '5.0.0'),
    summary: 'Get User Lock Status',
    description: `A local user's login status. ${READ_DESCRIPTION}`,
    responseBody: BadLoginStatusJson,
  })
  async getBadLoginStatus(@Param('USERNAME') username: string): Promise<BadLoginStatusJson> {
    return toBadLoginStatusJson(await this.locks.status(this.localProvider, username));
  }

  @ObpEndpoint({
    ...common('CanUnlockUser'),
    operationId: 'OBPv3.1.0-unlockUser',
    noRequestBody: true,
    verb: 'PUT',
    path: '/users/USERNAME/lock-status',
    versions: between('3.1.0', '5.0.0'),
    summary: 'Unlock the user',
    description: `Unlocks a local user. ${UNLOCK_DESCRIPTION}`,
    successStatus: 200,
    responseBody: BadLoginStatusJson,
  })
  async unlockUser(@Param('USERNAME') username: string): Promise<BadLoginStatusJson> {
    return toBadLoginStatusJson(await this.locks.unlock(this.localProvider, username));
  }

  @ObpEndpoint({
    ...common('CanLockUser'),
    operationId: 'OBPv4.0.0-lockUser',
    noRequestBody: true,
    verb: 'POST',
    path: '/users/USERNAME/locks',
    versions: between('4.0.0', '5.0.0'),
    summary: 'Lock the user',
    description: `Locks a local user. ${LOCK_DESCRIPTION}`,
    successStatus: 200,
    responseBody: UserLockStatusJson,
  })
  async lockUser(@Param('USERNAME') username: string): Promise<UserLockStatusJson> {
    return toUserLockStatusJson(await this.locks.lock(this.localProvider, username));
  }

  @ObpEndpoint({
    ...common('CanReadUserLockedStatus'),
    operationId: 'OBPv5.1.0-getUserLockStatus',
    verb: 'GET',
    path: '/users/PROVIDER/USERNAME/lock-status',
    versions: only('5.1.0'),
    summary: 'Get User Lock Status',
    description: `The login status of the user of PROVIDER (URL-encoded, e.g. http%3A%2F%2F127.0.0.1%3A8080) and USERNAME. ${READ_DESCRIPTION}`,
    responseBody: BadLoginStatusJson,
  })
  async getUserLockStatus(@Param('PROVIDER') provider: string, @Param('USERNAME') username: string): Promise<BadLoginStatusJson> {
    return toBadLoginStatusJson(await this.locks.status(provider, username));
  }

  @ObpEndpoint({
    ...common('CanUnlockUser'),
    operationId: 'OBPv5.1.0-unlockUserByProviderAndUsername',
    noRequestBody: true,
    verb: 'PUT',
    path: '/users/PROVIDER/USERNAME/lock-status',
    versions: only('5.1.0'),
    summary: 'Unlock the user',
    description: `Unlocks the user of PROVIDER (URL-encoded) and USERNAME. ${UNLOCK_DESCRIPTION}`,
    successStatus: 200,
    responseBody: BadLoginStatusJson,
  })
  async unlockUserByProviderAndUsername(@Param('PROVIDER') provider: string, @Param('USERNAME') username: string): Promise<BadLoginStatusJson> {
    return toBadLoginStatusJson(await this.locks.unlock(provider, username));
  }

  @ObpEndpoint({
    ...common('CanLockUser'),
    operationId: 'OBPv5.1.0-lockUserByProviderAndUsername',
    noRequestBody: true,
    verb: 'POST',
    path: '/users/PROVIDER/USERNAME/locks',
    versions: only('5.1.0'),
    summary: 'Lock the user',
    description: `Locks the user of PROVIDER (URL-encoded) and USERNAME. ${LOCK_DESCRIPTION}`,
    successStatus: 200,
    responseBody: UserLockStatusJson,
  })
  async lockUserByProviderAndUsername(@Param('PROVIDER') provider: string, @Param('USERNAME') username: string): Promise<UserLockStatusJson> {
    return toUserLockStatusJson(await this.locks.lock(provider, username));
  }
}
