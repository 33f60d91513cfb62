import { Controller, Param } from '@nestjs/common';
import { AUTHENTICATED } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { between, since } from '../../common/versioning/api-versions';
import type { ViewDefinition } from '../views/system-views';
import { ViewsService } from '../views/views.service';
import { toAccountHeldJson, toModeratedAccountJsonV300, toModeratedCoreAccountJsonV200, toModeratedCoreAccountJsonV400 } from './accounts.mapper';
import { AccountsService, type AccountDetails } from './accounts.service';
import { CoreAccountsHeldJsonV300, ModeratedCoreAccountJSON, ModeratedCoreAccountJsonV400, NewModeratedCoreAccountJsonV300 } from './dto/core-account.json';

const TAGS = ['Account', 'PSD2'];
const MY_ACCOUNT = '/my/banks/BANK_ID/accounts/ACCOUNT_ID/account';
const MY_ACCOUNT_ERRORS = ['UserNotLoggedIn', 'BankNotFound', 'BankAccountNotFound', 'UserNoPermissionAccessView'] as const;
const MY_ACCOUNT_DESCRIPTION =
  'The account through the owner view (the caller needs it: 403 OBP-20017 otherwise), with the private views the caller holds on it.';

/** An account read through the owner view, and the private views the caller holds on it. */
interface OwnerRead {
  details: AccountDetails;
  owner: ViewDefinition;
  privateViews: ViewDefinition[];
}

/** The core account reads OBP-CLI uses: the accounts a user holds at a bank, and one account "as mine" (owner view). */
@Controller()
export class CoreAccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly views: ViewsService,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getAccountsHeld',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts-held',
    versions: since('3.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Accounts Held',
    description: 'The accounts at the bank the caller holds (is an owner of), not those merely shared with them through a view; with their routings.',
    tags: ['Account', 'Account Information Service (AIS)', 'PSD2'],
    errors: ['UserNotLoggedIn', 'BankNotFound'],
    responseBody: CoreAccountsHeldJsonV300,
  })
  async accountsHeld(@CurrentAuth() auth: AuthContext, @Param('BANK_ID') bankId: string) {
    const held = await this.accounts.accountsHeld(auth.user.userId, bankId);
    return { accounts: held.map(toAccountHeldJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-getCoreAccountById',
    verb: 'GET',
    path: MY_ACCOUNT,
    versions: between('2.0.0', '2.2.0'),
    access: AUTHENTICATED,
    summary: 'Get Account by Id (Core)',
    description: `${MY_ACCOUNT_DESCRIPTION} An unknown account is 400 OBP-30018 on these versions, as OBP.`,
    tags: TAGS,
    errors: [...MY_ACCOUNT_ERRORS],
    responseBody: ModeratedCoreAccountJSON,
  })
  async myAccountV200(@CurrentAuth() auth: AuthContext, @Param('BANK_ID') bankId: string, @Param('ACCOUNT_ID') accountId: string) {
    const { details, owner } = await this.readAsOwner(auth, bankId, accountId, 400);
    return toModeratedCoreAccountJsonV200(details, owner);
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getCoreAccountById',
    verb: 'GET',
    path: MY_ACCOUNT,
    versions: between('3.0.0', '3.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Account by Id (Core, v3.0.0)',
    description: `${MY_ACCOUNT_DESCRIPTION} With owners, routings and the views as {id, short_name, description, is_public}.`,
    tags: TAGS,
    errors: [...MY_ACCOUNT_ERRORS],
    responseBody: NewModeratedCoreAccountJsonV300,
  })
  async myAccountV300(@CurrentAuth() auth: AuthContext, @Param('BANK_ID') bankId: string, @Param('ACCOUNT_ID') accountId: string) {
    const { details, owner, privateViews } = await this.readAsOwner(auth, bankId, accountId);
    return toModeratedAccountJsonV300(details, owner, privateViews);
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getCoreAccountById',
    verb: 'GET',
    path: MY_ACCOUNT,
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Account by Id (Core, v4.0.0)',
    description: `${MY_ACCOUNT_DESCRIPTION} No owners; the type as product_code and the views as their ids.`,
    tags: TAGS,
    errors: [...MY_ACCOUNT_ERRORS],
    responseBody: ModeratedCoreAccountJsonV400,
  })
  async myAccountV400(@CurrentAuth() auth: AuthContext, @Param('BANK_ID') bankId: string, @Param('ACCOUNT_ID') accountId: string) {
    const { details, owner, privateViews } = await this.readAsOwner(auth, bankId, accountId);
    return toModeratedCoreAccountJsonV400(details, owner, privateViews);
  }

  /** OBP's order: the account exists (404, or 400 on the old-style v2.x), then the caller may use its owner view (403). */
  private async readAsOwner(auth: AuthContext, bankId: string, accountId: string, notFoundStatus?: number): Promise<OwnerRead> {
    const ref = { bankId, accountId };
    const account = await this.accounts.getAccount(ref, notFoundStatus);
    const owner = await this.views.assertAccess(auth, ref, 'owner');
    const [[details], granted] = await Promise.all([this.accounts.details([account]), this.views.grantedViews(auth.user.userId, ref)]);
    return { details, owner, privateViews: granted.filter((view) => !view.isPublic) };
  }
}
