import { Controller, Param, UseGuards } from '@nestjs/common';
import { anyRole, AUTHENTICATED } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { between, only, since } from '../../common/versioning/api-versions';
import { AccountViewGuard, ResolvedAccount, type AccountOnView } from '../accounts/account-view.guard';
import { CreateViewJson } from './dto/view.json';
import { allSystemViews, systemViewById } from './system-views';
import { flagsFromAllowedActions } from './view-permissions';
import { toViewJsonV121, toViewJsonV220, toViewJsonV300, toViewJsonV500 } from './views.mapper';
import { ViewsService } from './views.service';
import { ViewIdsJsonV500, ViewJsonV300, ViewJsonV500, ViewsJSONV121, ViewsJSONV220, ViewsJsonV300, ViewsJsonV500 } from './dto/views-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const TAGS = ['View-System', 'Account'];
const ACCOUNT_ERRORS = ['UserNotLoggedIn', 'BankNotFound', 'BankAccountNotFound', 'NoViewPermission'] as const;

/**
 * The views of an account and the system views. Registered by AccountsModule (it needs the
 * account guard; ViewsModule itself stays free of accounts).
 */
@Controller()
export class ViewsController {
  constructor(private readonly views: ViewsService) {}

  @ObpEndpoint({
    operationId: 'OBPv1.2.1-getViewsForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/views',
    versions: between('1.2.1', '2.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Views for Account',
    description:
      'Every view of the account (system views, then its custom views). The caller needs a view on the account with can_see_available_views_for_bank_account (owner has it).',
    tags: TAGS,
    errors: [...ACCOUNT_ERRORS],
    responseBody: ViewsJSONV121,
  })
  @UseGuards(AccountViewGuard)
  async viewsV121(@CurrentAuth() auth: AuthContext, @ResolvedAccount() { account }: AccountOnView) {
    return { views: (await this.visibleViews(auth, account)).map(toViewJsonV121) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.2.0-getViewsForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/views',
    versions: only('2.2.0'),
    access: AUTHENTICATED,
    summary: 'Get Views for Account (v2.2.0)',
    description: 'As v1.2.1, views rendered as ViewJSONV220.',
    tags: TAGS,
    errors: [...ACCOUNT_ERRORS],
    responseBody: ViewsJSONV220,
  })
  @UseGuards(AccountViewGuard)
  async viewsV220(@CurrentAuth() auth: AuthContext, @ResolvedAccount() { account }: AccountOnView) {
    return { views: (await this.visibleViews(auth, account)).map(toViewJsonV220) };
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getViewsForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/views',
    versions: between('3.0.0', '4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Views for Account (v3.0.0)',
    description: 'As v1.2.1, views rendered as ViewJsonV300 (metadata_view, is_system, routing flags).',
    tags: TAGS,
    errors: [...ACCOUNT_ERRORS],
    responseBody: ViewsJsonV300,
  })
  @UseGuards(AccountViewGuard)
  async viewsV300(@CurrentAuth() auth: AuthContext, @ResolvedAccount() { account }: AccountOnView) {
    return { views: (await this.visibleViews(auth, account)).map(toViewJsonV300) };
  }

  @ObpEndpoint({
    operationId: 'OBPv5.0.0-getViewsForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/views',
    versions: since('5.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Views for Account (v5.0.0)',
    description: 'As v1.2.1, views rendered as ViewJsonV500 (with the grant / revoke lists).',
    tags: TAGS,
    errors: [...ACCOUNT_ERRORS],
    responseBody: ViewsJsonV500,
  })
  @UseGuards(AccountViewGuard)
  async viewsV500(@CurrentAuth() auth: AuthContext, @ResolvedAccount() { account }: AccountOnView) {
    return { views: (await this.visibleViews(auth, account)).map(toViewJsonV500) };
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-createViewForBankAccount',
    verb: 'POST',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/views',
    versions: since('3.0.0'),
    access: AUTHENTICATED,
    summary: 'Create Custom View',
    description:
      'Creates a custom view on the account (name starting "_"; its id is the name without spaces, lower-cased). The caller needs a view on the account with can_create_custom_view (ManageCustomViews). allowed_actions lists the flags to switch on (can_see_narrative / can_edit_narrative are accepted for the owner-comment flags). A public view needs OBP_ALLOW_PUBLIC_VIEWS.',
    tags: TAGS,
    errors: [...ACCOUNT_ERRORS, 'InvalidJsonFormat', 'PublicViewsNotAllowedOnThisInstance', 'ViewAlreadyExists'],
    requestBody: CreateViewJson,
    responseBody: ViewJsonV300,
  })
  @UseGuards(AccountViewGuard)
  async createView(@CurrentAuth() auth: AuthContext, @ResolvedAccount() { account }: AccountOnView, @ValidBody() body: CreateViewJson) {
    const ref = { bankId: account.bankId, accountId: account.accountId };
    const granted = await this.views.grantedViews(auth.user.userId, ref);
    if (!granted.some((view) => view.permissions.has('can_create_custom_view'))) {
      throw ObpException.of('NoViewPermission', 'can_create_custom_view', 403);
    }
    const created = await this.views.createCustomView(ref, {
      name: body.name,
      description: body.description,
      metadataView: body.metadata_view,
      isPublic: body.is_public,
      isFirehose: false,
      whichAliasToUse: body.which_alias_to_use,
      hideMetadataIfAliasUsed: body.hide_metadata_if_alias_used,
      permissions: flagsFromAllowedActions(body.allowed_actions),
    });
    return toViewJsonV300(created);
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getSystemView',
    verb: 'GET',
    path: '/system-views/VIEW_ID',
    versions: between('3.1.0', '4.0.0'),
    access: anyRole('CanGetSystemView'),
    summary: 'Get System View',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'ViewNotFound'],
    responseBody: ViewJsonV300,
  })
  getSystemViewV310(@Param('VIEW_ID') viewId: string) {
    return toViewJsonV300(this.systemView(viewId));
  }

  @ObpEndpoint({
    operationId: 'OBPv5.0.0-getSystemView',
    verb: 'GET',
    path: '/system-views/VIEW_ID',
    versions: since('5.0.0'),
    access: anyRole('CanGetSystemView'),
    summary: 'Get System View (v5.0.0)',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'ViewNotFound'],
    responseBody: ViewJsonV500,
  })
  getSystemViewV500(@Param('VIEW_ID') viewId: string) {
    return toViewJsonV500(this.systemView(viewId));
  }

  @ObpEndpoint({
    operationId: 'OBPv5.0.0-getSystemViewsIds',
    verb: 'GET',
    path: '/system-views-ids',
    versions: since('5.0.0'),
    access: anyRole('CanGetSystemView'),
    summary: 'Get Ids of System Views',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles'],
    responseBody: ViewIdsJsonV500,
  })
  getSystemViewIds() {
    return { views: allSystemViews().map((view) => ({ id: view.viewId })) };
  }

  private systemView(viewId: string) {
    const view = systemViewById(viewId);
    if (!view) throw ObpException.of('ViewNotFound', `Current VIEW_ID = ${viewId.slice(0, 64)}`);
    return view;
  }

  private async visibleViews(auth: AuthContext, account: AccountOnView['account']) {
    const ref = { bankId: account.bankId, accountId: account.accountId };
    const granted = await this.views.grantedViews(auth.user.userId, ref);
    if (!granted.some((view) => view.permissions.has('can_see_available_views_for_bank_account'))) {
      throw ObpException.of('NoViewPermission', 'can_see_available_views_for_bank_account', 403);
    }
    return this.views.viewsOfAccount(ref);
  }
}
