import { Controller, Param } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { PagingQuery, type Paging } from '../../common/http/paging';
import { between, only, since } from '../../common/versioning/api-versions';
import { UserJsonV200, UserJsonV400, UsersJsonV200, UsersJsonV400 } from './dto/user.json';
import { toUserJsonV200, toUserJsonV400 } from './users.mapper';
import { UsersService } from './users.service';

const lookup = {
  verb: 'GET',
  access: anyRole('CanGetAnyUser'),
  tags: ['User'],
  errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'UserNotFoundByUserId', 'UnknownError'],
} satisfies Partial<ObpEndpointOptions>;

/** By username (OBP's getUserByUsername, getUserByProviderAndUsername): an unknown user is 404 OBP-20027 on every version. */
const byUsername = {
  ...lookup,
  errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'UserNotFoundByProviderAndUsername', 'UnknownError'],
} satisfies Partial<ObpEndpointOptions>;

/** Reading other users: system role CanGetAnyUser. */
@Controller()
export class UserLookupController {
  constructor(private readonly users: UsersService) {}

  @ObpEndpoint({
    ...lookup,
    operationId: 'OBPv3.0.0-getUserByUserId',
    path: '/users/user_id/USER_ID',
    versions: between('3.0.0', '3.1.0'),
    summary: 'Get User by USER_ID',
    responseBody: UserJsonV200,
  })
  async getUserByUserIdV300(@Param('USER_ID') userId: string): Promise<UserJsonV200> {
    const found = await this.users.getById(userId);
    return toUserJsonV200(found.user, found.entitlements);
  }

  @ObpEndpoint({
    ...lookup,
    operationId: 'OBPv4.0.0-getUserByUserId',
    path: '/users/user_id/USER_ID',
    versions: since('4.0.0'),
    summary: 'Get User by USER_ID',
    responseBody: UserJsonV400,
  })
  async getUserByUserIdV400(@Param('USER_ID') userId: string): Promise<UserJsonV400> {
    const found = await this.users.getById(userId);
    return toUserJsonV400(found.user, found.entitlements);
  }

  @ObpEndpoint({
    ...byUsername,
    operationId: 'OBPv3.0.0-getUserByUsername',
    path: '/users/username/USERNAME',
    versions: between('3.0.0', '3.1.0'),
    summary: 'Get User by USERNAME',
    responseBody: UserJsonV200,
  })
  async getUserByUsernameV300(@Param('USERNAME') username: string): Promise<UserJsonV200> {
    const found = await this.users.getByProviderAndUsername(this.users.localProvider, username);
    return toUserJsonV200(found.user, found.entitlements);
  }

  @ObpEndpoint({
    ...byUsername,
    operationId: 'OBPv4.0.0-getUserByUsername',
    path: '/users/username/USERNAME',
    versions: between('4.0.0', '5.0.0'),
    summary: 'Get User by USERNAME',
    responseBody: UserJsonV400,
  })
  async getUserByUsernameV400(@Param('USERNAME') username: string): Promise<UserJsonV400> {
    const found = await this.users.getByProviderAndUsername(this.users.localProvider, username);
    return toUserJsonV400(found.user, found.entitlements);
  }

  @ObpEndpoint({
    ...byUsername,
    operationId: 'OBPv5.1.0-getUserByProviderAndUsername',
    path: '/users/provider/PROVIDER/username/USERNAME',
    versions: only('5.1.0'),
    summary: 'Get User by PROVIDER and USERNAME',
    responseBody: UserJsonV400,
  })
  async getUserByProviderAndUsername(@Param('PROVIDER') provider: string, @Param('USERNAME') username: string): Promise<UserJsonV400> {
    const found = await this.users.getByProviderAndUsername(provider, username);
    return toUserJsonV400(found.user, found.entitlements);
  }

  @ObpEndpoint({
    ...lookup,
    operationId: 'OBPv2.1.0-getUsers',
    path: '/users',
    versions: between('2.1.0', '3.1.0'),
    summary: 'Get all Users',
    responseBody: UsersJsonV200,
  })
  async getUsersV210(@PagingQuery() page: Paging): Promise<UsersJsonV200> {
    const users = await this.users.list(page.limit, page.offset);
    return { users: users.map((found) => toUserJsonV200(found.user, found.entitlements)) };
  }

  @ObpEndpoint({
    ...lookup,
    operationId: 'OBPv4.0.0-getUsers',
    path: '/users',
    versions: since('4.0.0'),
    summary: 'Get all Users',
    responseBody: UsersJsonV400,
  })
  async getUsersV400(@PagingQuery() page: Paging): Promise<UsersJsonV400> {
    const users = await this.users.list(page.limit, page.offset);
    return { users: users.map((found) => toUserJsonV400(found.user, found.entitlements)) };
  }
}
