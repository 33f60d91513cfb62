import { Controller, Param, UseGuards } from '@nestjs/common';
import { AUTHENTICATED } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { between, only } from '../../common/versioning/api-versions';
import { AccountGuard, AccountViewGuard, ResolvedAccount, type AccountOnView } from '../accounts/account-view.guard';
import { AccountsService } from '../accounts/accounts.service';
import type { UserEntity } from '../users/entities/user.entity';
import { PostAccountAccessJsonV400, PostAccountAccessJsonV510, RevokedJson } from './dto/view.json';
import { toViewJsonV121, toViewJsonV300 } from './views.mapper';
import { ViewsService, type AccountRef } from './views.service';
import type { ViewDefinition } from './system-views';
import { ViewJsonV300 } from './dto/views-responses.json';
import { ViewJSONV121 } from '../accounts/dto/accounts-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const TAGS = ['Account-Access', 'View-Custom', 'View-System'];
const ERRORS = [
  'UserNotLoggedIn',
  'BankNotFound',
  'BankAccountNotFound',
  'InvalidJsonFormat',
  'UserNotFoundById',
  'ViewNotFound',
  'PublicViewsNotAllowedOnThisInstance',
  'CannotGrantAccessToView',
  'CannotRevokeAccessToView',
] as const;

/**
 * Granting and revoking a user's access to a view of an account, in OBP's three URL forms. The
 * caller must hold a view on the account that lists the target view in can_grant(revoke)_access_to_views
 * (custom targets: can_grant(revoke)_access_to_custom_views). Registered by AccountsModule.
 */
@Controller()
export class AccountAccessController {
  constructor(
    private readonly views: ViewsService,
    private readonly accounts: AccountsService,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-grantUserAccessToView',
    verb: 'POST',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/account-access/grant',
    versions: between('4.0.0', '5.0.0'),
    access: AUTHENTICATED,
    summary: 'Grant User access to View',
    description: 'Grants the user access to the view ({"view_id", "is_system"}) on the account; idempotent. Answers the granted view.',
    tags: TAGS,
    errors: [...ERRORS],
    requestBody: PostAccountAccessJsonV400,
    responseBody: ViewJsonV300,
  })
  @UseGuards(AccountViewGuard)
  async grantV400(@CurrentAuth() auth: AuthContext, @ResolvedAccount() { account }: AccountOnView, @ValidBody() body: PostAccountAccessJsonV400) {
    return toViewJsonV300(await this.grant(auth, account, body.user_id, body.view.view_id));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-revokeUserAccessToView',
    verb: 'POST',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/account-access/revoke',
    versions: between('4.0.0', '5.0.0'),
    access: AUTHENTICATED,
    summary: 'Revoke User access to View',
    tags: TAGS,
    errors: [...ERRORS],
    requestBody: PostAccountAccessJsonV400,
    responseBody: RevokedJson,
  })
  @UseGuards(AccountViewGuard)
  async revokeV400(@CurrentAuth() auth: AuthContext, @ResolvedAccount() { account }: AccountOnView, @ValidBody() body: PostAccountAccessJsonV400) {
    await this.revoke(auth, account, await this.accounts.findUser(body.user_id), body.view.view_id);
    return { revoked: true };
  }

  @ObpEndpoint({
    operationId: 'OBPv5.1.0-grantUserAccessToViewById',
    verb: 'POST',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/views/VIEW_ID/account-access/grant',
    versions: only('5.1.0'),
    access: AUTHENTICATED,
    summary: "Grant User access to View (by the caller's view)",
    description: "VIEW_ID is the caller's own view (which must list the target view_id in can_grant_access_to_views).",
    tags: TAGS,
    errors: [...ERRORS, 'UserNoPermissionAccessView'],
    requestBody: PostAccountAccessJsonV510,
    responseBody: ViewJsonV300,
  })
  @UseGuards(AccountViewGuard)
  async grantV510(@CurrentAuth() auth: AuthContext, @ResolvedAccount() { account, view }: AccountOnView, @ValidBody() body: PostAccountAccessJsonV510) {
    return toViewJsonV300(await this.grant(auth, account, body.user_id, body.view_id, view));
  }

  @ObpEndpoint({
    operationId: 'OBPv5.1.0-revokeUserAccessToViewById',
    verb: 'POST',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/views/VIEW_ID/account-access/revoke',
    versions: only('5.1.0'),
    access: AUTHENTICATED,
    summary: "Revoke User access to View (by the caller's view)",
    tags: TAGS,
    errors: [...ERRORS, 'UserNoPermissionAccessView'],
    requestBody: PostAccountAccessJsonV510,
    responseBody: RevokedJson,
  })
  @UseGuards(AccountViewGuard)
  async revokeV510(@CurrentAuth() auth: AuthContext, @ResolvedAccount() { account, view }: AccountOnView, @ValidBody() body: PostAccountAccessJsonV510) {
    await this.revoke(auth, account, await this.accounts.findUser(body.user_id), body.view_id, view);
    return { revoked: true };
  }

  @ObpEndpoint({
    operationId: 'OBPv1.2.1-addPermissionForUserForBankAccountForOneView',
    noRequestBody: true,
    verb: 'POST',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/permissions/PROVIDER/PROVIDER_ID/views/VIEW_ID',
    versions: between('1.2.1', '3.1.0'),
    access: AUTHENTICATED,
    summary: 'Grant User access to View (v1.2.1)',
    description: "PROVIDER (URL-encoded) and PROVIDER_ID name the target user (for local users: this server's provider and the username). Empty body.",
    tags: TAGS,
    errors: [...ERRORS],
    successStatus: 201,
    responseBody: ViewJSONV121,
  })
  @UseGuards(AccountGuard)
  async addPermission(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() { account }: AccountOnView,
    @Param('PROVIDER') provider: string,
    @Param('PROVIDER_ID') providerId: string,
    @Param('VIEW_ID') viewId: string,
  ) {
    const target = await this.accounts.findUserByProvider(provider, providerId);
    // OBP answers a missing target user with the permission error, never "user not found".
    if (!target) throw ObpException.of('CannotGrantAccessToView');
    return toViewJsonV121(await this.grantTo(auth, account, target, viewId));
  }

  @ObpEndpoint({
    operationId: 'OBPv1.2.1-removePermissionForUserForBankAccountForOneView',
    verb: 'DELETE',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/permissions/PROVIDER/PROVIDER_ID/views/VIEW_ID',
    versions: between('1.2.1', '3.1.0'),
    access: AUTHENTICATED,
    summary: 'Revoke User access to View (v1.2.1)',
    tags: TAGS,
    errors: [...ERRORS],
    successStatus: 204,
  })
  @UseGuards(AccountGuard)
  async removePermission(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() { account }: AccountOnView,
    @Param('PROVIDER') provider: string,
    @Param('PROVIDER_ID') providerId: string,
    @Param('VIEW_ID') viewId: string,
  ): Promise<void> {
    const target = await this.accounts.findUserByProvider(provider, providerId);
    if (!target) throw ObpException.of('CannotRevokeAccessToView');
    await this.revoke(auth, account, target, viewId);
  }

  private async grant(auth: AuthContext, account: AccountOnView['account'], userId: string, targetViewId: string, through?: ViewDefinition) {
    return this.grantTo(auth, account, await this.accounts.findUser(userId), targetViewId, through);
  }

  private async grantTo(auth: AuthContext, account: AccountOnView['account'], user: UserEntity, targetViewId: string, through?: ViewDefinition) {
    const ref: AccountRef = { bankId: account.bankId, accountId: account.accountId };
    const target = await this.targetView(ref, targetViewId);
    if (!(await this.allowed(auth, ref, targetViewId, 'grant', through))) throw ObpException.of('CannotGrantAccessToView');
    await this.views.grant(user.userId, ref, [target.viewId]);
    return target;
  }

  private async revoke(auth: AuthContext, account: AccountOnView['account'], user: UserEntity, targetViewId: string, through?: ViewDefinition) {
    const ref: AccountRef = { bankId: account.bankId, accountId: account.accountId };
    await this.targetView(ref, targetViewId);
    if (!(await this.allowed(auth, ref, targetViewId, 'revoke', through))) throw ObpException.of('CannotRevokeAccessToView');
    await this.views.revoke(user.userId, ref, targetViewId);
  }

  /** Through one named view of the caller (v5.1.0) or any of the caller's views (older forms). */
  private async allowed(auth: AuthContext, ref: AccountRef, targetViewId: string, action: 'grant' | 'revoke', through?: ViewDefinition): Promise<boolean> {
    if (!through) return this.views.mayManageAccess(auth, ref, targetViewId, action);
    const isCustom = targetViewId.startsWith('_');
    if (isCustom) return through.permissions.has(action === 'grant' ? 'can_grant_access_to_custom_views' : 'can_revoke_access_to_custom_views');
    return (action === 'grant' ? through.canGrantAccessToViews : through.canRevokeAccessToViews).includes(targetViewId);
  }

  private async targetView(ref: AccountRef, viewId: string): Promise<ViewDefinition> {
    const view = await this.views.findView(ref, viewId);
    if (!view) throw ObpException.of('ViewNotFound', `Current VIEW_ID = ${viewId.slice(0, 64)}`);
    if (view.isPublic && !this.views.publicViewsAllowed) throw ObpException.of('PublicViewsNotAllowedOnThisInstance');
    return view;
  }
}
