import { Controller, Param, Query } from '@nestjs/common';
import { AUTHENTICATED, anyRole, anyRoleWithoutBankSuffix } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ROLE_NAMES, ROLES } from '../../common/auth/roles';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { between, since } from '../../common/versioning/api-versions';
import { CreateEntitlementJson } from './dto/create-entitlement.json';
import { toEntitlementJson, toEntitlementJsonV400 } from './entitlements.mapper';
import { EntitlementsService, SUPER_ADMIN_ENTRY } from './entitlements.service';
import { EntitlementJson } from '../users/dto/user.json';
import { AvailableRolesJSON, EntitlementJSONs, EntitlementsJsonV400, EntitlementsWithUsernameJson } from './dto/entitlements-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const TAGS = ['Role', 'Entitlement', 'User'];

/** Roles granted to users. Every change invalidates the affected user's cached auth context. */
@Controller()
export class EntitlementsController {
  constructor(private readonly entitlements: EntitlementsService) {}

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-addEntitlement',
    verb: 'POST',
    path: '/users/USER_ID/entitlements',
    versions: since('2.0.0'),
    // The role check depends on the body's bank_id (and super admins pass), so the service makes it.
    access: AUTHENTICATED,
    summary: 'Add Entitlement for a User',
    description:
      'Grants role_name to the user: at bank_id for bank roles, with bank_id "" for system roles. The caller must be a super admin, ' +
      'or hold CanCreateEntitlementAtOneBank at that bank, or CanCreateEntitlementAtAnyBank.',
    tags: TAGS,
    errors: [
      'UserNotLoggedIn',
      'UserNotFoundById',
      'InvalidJsonFormat',
      'IncorrectRoleName',
      'EntitlementIsBankRole',
      'EntitlementIsSystemRole',
      'UserHasMissingRoles',
      'BankNotFound',
      'EntitlementAlreadyExists',
    ],
    requestBody: CreateEntitlementJson,
    responseBody: EntitlementJson,
  })
  async addEntitlement(@CurrentAuth() auth: AuthContext, @Param('USER_ID') userId: string, @ValidBody() body: CreateEntitlementJson) {
    await this.entitlements.assertUserExists(userId);
    return toEntitlementJson(await this.entitlements.grant(auth, userId, body));
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-getEntitlements',
    verb: 'GET',
    path: '/users/USER_ID/entitlements',
    versions: between('2.0.0', '3.1.0'),
    access: anyRole('CanGetEntitlementsForAnyUserAtAnyBank'),
    summary: 'Get Entitlements for User',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles'],
    responseBody: EntitlementJSONs,
  })
  async getEntitlementsV200(@Param('USER_ID') userId: string) {
    return { list: await this.listWithSuperAdmin(userId) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getEntitlements',
    verb: 'GET',
    path: '/users/USER_ID/entitlements',
    versions: since('4.0.0'),
    access: anyRole('CanGetEntitlementsForAnyUserAtAnyBank'),
    summary: 'Get Entitlements for User',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles'],
    responseBody: EntitlementJSONs,
  })
  async getEntitlementsV400(@Param('USER_ID') userId: string) {
    return { list: await this.listWithSuperAdmin(userId) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-deleteEntitlement',
    verb: 'DELETE',
    path: '/users/USER_ID/entitlement/ENTITLEMENT_ID',
    versions: since('2.0.0'),
    access: anyRole('CanDeleteEntitlementAtAnyBank'),
    summary: 'Delete Entitlement',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'EntitlementNotFound', 'UserDoesNotHaveEntitlement'],
    successStatus: 204,
  })
  async deleteEntitlement(@Param('USER_ID') userId: string, @Param('ENTITLEMENT_ID') entitlementId: string): Promise<void> {
    await this.entitlements.revoke(userId, entitlementId);
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getEntitlementsForCurrentUser',
    verb: 'GET',
    path: '/my/entitlements',
    versions: since('3.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Entitlements for the current User',
    tags: TAGS,
    errors: ['UserNotLoggedIn'],
    responseBody: EntitlementJSONs,
  })
  async getMyEntitlements(@CurrentAuth() auth: AuthContext) {
    return { list: (await this.entitlements.ofUser(auth.user.userId)).map(toEntitlementJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getEntitlementsForBank',
    verb: 'GET',
    path: '/banks/BANK_ID/entitlements',
    versions: since('4.0.0'),
    access: anyRole('CanGetEntitlementsForOneBank', 'CanGetEntitlementsForAnyBank'),
    summary: 'Get Entitlements for One Bank',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles'],
    responseBody: EntitlementsJsonV400,
  })
  async getEntitlementsForBank(@Param('BANK_ID') bankId: string) {
    return { list: (await this.entitlements.atBank(bankId)).map(toEntitlementJsonV400) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.1.0-getEntitlementsByBankAndUser',
    verb: 'GET',
    path: '/banks/BANK_ID/users/USER_ID/entitlements',
    versions: since('2.1.0'),
    // OBP writes this 403 text by hand, and its test asserts it verbatim: no " for BankId(..)." suffix.
    access: anyRoleWithoutBankSuffix('CanGetEntitlementsForAnyUserAtOneBank', 'CanGetEntitlementsForAnyUserAtAnyBank'),
    summary: 'Get Entitlements for User at Bank',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'UserNotFoundById'],
    responseBody: EntitlementJSONs,
  })
  async getEntitlementsByBankAndUser(@Param('BANK_ID') bankId: string, @Param('USER_ID') userId: string) {
    await this.entitlements.assertUserExists(userId);
    const list = (await this.entitlements.ofUser(userId, bankId)).map(toEntitlementJson);
    return { list: this.entitlements.isSuperAdmin(userId) ? [...list, SUPER_ADMIN_ENTRY] : list };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.1.0-getRoles',
    verb: 'GET',
    path: '/roles',
    versions: since('2.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Roles',
    description: 'Every role, with requires_bank_id: true for bank roles (granted at a bank), false for system roles.',
    tags: TAGS,
    errors: ['UserNotLoggedIn'],
    responseBody: AvailableRolesJSON,
  })
  getRoles() {
    return { roles: [...ROLE_NAMES].sort().map((role) => ({ role, requires_bank_id: ROLES[role].requiresBankId })) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-getAllEntitlements',
    verb: 'GET',
    path: '/entitlements',
    versions: between('2.0.0', '3.0.0'),
    access: anyRole('CanGetEntitlementsForAnyUserAtAnyBank'),
    summary: 'Get all Entitlements',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles'],
    responseBody: EntitlementJSONs,
  })
  async getAllEntitlementsV200() {
    return { list: (await this.entitlements.all()).map(toEntitlementJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getAllEntitlements',
    verb: 'GET',
    path: '/entitlements',
    versions: since('3.1.0'),
    access: anyRole('CanGetEntitlementsForAnyUserAtAnyBank'),
    summary: 'Get all Entitlements',
    description: 'Every entitlement with its user; optional query parameter role=ROLE_NAME.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles'],
    responseBody: EntitlementsWithUsernameJson,
  })
  async getAllEntitlementsV310(@Query('role') role?: string) {
    const rows = await this.entitlements.all(role);
    return { list: rows.map((row) => ({ ...toEntitlementJson(row), user_id: row.userId, username: row.user.username })) };
  }

  private async listWithSuperAdmin(userId: string) {
    const list = (await this.entitlements.ofUser(userId)).map(toEntitlementJson);
    return this.entitlements.isSuperAdmin(userId) ? [...list, SUPER_ADMIN_ENTRY] : list;
  }
}
