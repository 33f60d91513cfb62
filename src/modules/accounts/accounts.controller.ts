import { Controller, Param, UseGuards } from '@nestjs/common';
import { anyRole, AUTHENTICATED } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { between, only, since } from '../../common/versioning/api-versions';
import { ViewsService } from '../views/views.service';
import { AccountViewGuard, ResolvedAccount, type AccountOnView } from './account-view.guard';
import { toCoreAccountJson, toCreateAccountResponseJson, toModeratedAccountJsonV121, toModeratedAccountJsonV300 } from './accounts.mapper';
import { AccountsService, type AccountDetails, type NewAccount } from './accounts.service';
import {
  CoreAccountJSON,
  CreateAccountJSON,
  CreateAccountJSONV220,
  CreateAccountRequestJsonV310,
  CreateAccountRequestJsonV500,
  CreateAccountResponseJsonV310,
} from './dto/create-account.json';
import { ModeratedAccountJSON, ModeratedAccountJsonV300 } from './dto/accounts-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const TAGS = ['Account'];
const CREATE_ERRORS = [
  'UserNotLoggedIn',
  'BankNotFound',
  'InvalidJsonFormat',
  'InvalidAccountIdFormat',
  'UserNotFoundById',
  'UserHasMissingRoles',
  'InvalidAccountInitialBalance',
  'InitialBalanceMustBeZero',
  'InvalidISOCurrencyCode',
  'AccountRoutingsDuplicated',
  'AccountRoutingAlreadyExist',
  'AccountIdAlreadyExists',
] as const;

function fromV310(body: CreateAccountRequestJsonV310 | CreateAccountRequestJsonV500): NewAccount {
  return {
    userId: body.user_id ?? '',
    label: body.label,
    accountType: body.product_code,
    currency: body.balance?.currency ?? 'EUR',
    amount: body.balance?.amount ?? '0',
    branchId: body.branch_id ?? '',
    routings: body.account_routings ?? [],
  };
}

/** Creating accounts and reading one account through a view. */
@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly views: ViewsService,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-createAccount',
    verb: 'PUT',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID',
    versions: between('2.0.0', '2.1.0'),
    access: AUTHENTICATED,
    summary: 'Create Account (v2.0.0)',
    description:
      'Creates an account with a zero balance for the caller (user_id "") or, with CanCreateAccount at the bank, for another user. The owner becomes the holder and gets the owner view. PUT on an existing account returns it unchanged.',
    tags: TAGS,
    errors: [...CREATE_ERRORS],
    successStatus: 200,
    requestBody: CreateAccountJSON,
    responseBody: CoreAccountJSON,
  })
  async createAccountV200(
    @CurrentAuth() auth: AuthContext,
    @Param('BANK_ID') bankId: string,
    @Param('ACCOUNT_ID') accountId: string,
    @ValidBody() body: CreateAccountJSON,
  ) {
    const input: NewAccount = {
      userId: body.user_id,
      label: body.label,
      accountType: body.type,
      currency: body.balance.currency,
      amount: body.balance.amount,
      branchId: '',
      routings: [],
    };
    return toCoreAccountJson(await this.createOrReturnExisting(auth, bankId, accountId, input));
  }

  @ObpEndpoint({
    operationId: 'OBPv2.2.0-createAccount',
    verb: 'PUT',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID',
    versions: between('2.2.0', '3.0.0'),
    access: AUTHENTICATED,
    summary: 'Create Account (v2.2.0)',
    description: 'As v2.0.0, with branch_id and one account routing; answers the stored values.',
    tags: TAGS,
    errors: [...CREATE_ERRORS],
    successStatus: 200,
    requestBody: CreateAccountJSONV220,
    responseBody: CreateAccountJSONV220,
  })
  async createAccountV220(
    @CurrentAuth() auth: AuthContext,
    @Param('BANK_ID') bankId: string,
    @Param('ACCOUNT_ID') accountId: string,
    @ValidBody() body: CreateAccountJSONV220,
  ) {
    const input: NewAccount = {
      userId: body.user_id,
      label: body.label,
      accountType: body.type,
      currency: body.balance.currency,
      amount: body.balance.amount,
      branchId: body.branch_id,
      routings: [body.account_routing],
    };
    const details = await this.createOrReturnExisting(auth, bankId, accountId, input);
    const { account } = details;
    return {
      user_id: details.owners[0]?.userId ?? '',
      label: account.label,
      type: account.accountType,
      balance: toCreateAccountResponseJson(details).balance,
      branch_id: account.branchId,
      account_routing: details.routings[0] ?? { scheme: '', address: '' },
    };
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-createAccount',
    verb: 'PUT',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID',
    versions: only('3.1.0'),
    access: AUTHENTICATED,
    summary: 'Create Account (v3.1.0)',
    description: 'Creates an account (400 OBP-30208 if it exists). product_code is the account type; routings must be unique per bank and scheme.',
    tags: TAGS,
    errors: [...CREATE_ERRORS],
    successStatus: 201,
    requestBody: CreateAccountRequestJsonV310,
    responseBody: CreateAccountResponseJsonV310,
  })
  async createAccountV310(
    @CurrentAuth() auth: AuthContext,
    @Param('BANK_ID') bankId: string,
    @Param('ACCOUNT_ID') accountId: string,
    @ValidBody() body: CreateAccountRequestJsonV310,
  ) {
    return toCreateAccountResponseJson(await this.createNew(auth, bankId, accountId, fromV310(body)));
  }

  @ObpEndpoint({
    operationId: 'OBPv5.0.0-createAccount',
    verb: 'PUT',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID',
    versions: since('5.0.0'),
    access: anyRole('CanCreateAccount'),
    summary: 'Create Account (v5.0.0)',
    description: 'As v3.1.0, but the caller always needs CanCreateAccount at the bank; only label and product_code are required (balance defaults to 0 EUR).',
    tags: TAGS,
    errors: [...CREATE_ERRORS],
    successStatus: 201,
    requestBody: CreateAccountRequestJsonV500,
    responseBody: CreateAccountResponseJsonV310,
  })
  async createAccountV500(
    @CurrentAuth() auth: AuthContext,
    @Param('BANK_ID') bankId: string,
    @Param('ACCOUNT_ID') accountId: string,
    @ValidBody() body: CreateAccountRequestJsonV500,
  ) {
    return toCreateAccountResponseJson(await this.createNew(auth, bankId, accountId, fromV310(body)));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-addAccount',
    verb: 'POST',
    path: '/banks/BANK_ID/accounts',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Create Account (POST)',
    description: 'Creates an account with a generated ACCOUNT_ID (a UUID). CanCreateAccount at the bank is needed only to create it for another user.',
    tags: TAGS,
    errors: [...CREATE_ERRORS],
    requestBody: CreateAccountRequestJsonV310,
    responseBody: CreateAccountResponseJsonV310,
  })
  async addAccount(@CurrentAuth() auth: AuthContext, @Param('BANK_ID') bankId: string, @ValidBody() body: CreateAccountRequestJsonV310) {
    return toCreateAccountResponseJson(await this.createNew(auth, bankId, this.accounts.newAccountId(), fromV310(body)));
  }

  @ObpEndpoint({
    operationId: 'OBPv1.2.1-accountById',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/account',
    versions: between('1.2.1', '2.2.0'),
    access: AUTHENTICATED,
    summary: 'Get Account by Id (through a view)',
    description: 'The account as the view shows it (fields the view may not see are null), with the views the caller holds on it.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'BankAccountNotFound', 'UserNoPermissionAccessView'],
    responseBody: ModeratedAccountJSON,
  })
  @UseGuards(AccountViewGuard)
  async accountByIdV121(@CurrentAuth() auth: AuthContext, @ResolvedAccount() resolved: AccountOnView) {
    const [details, available] = await this.withViews(auth, resolved);
    return toModeratedAccountJsonV121(details, resolved.view, available);
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getPrivateAccountById',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/account',
    versions: since('3.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Account by Id (through a view, v3.0.0)',
    description: 'The account as the view shows it, with its routings (IBAN ...) and the views the caller holds on it.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'BankAccountNotFound', 'UserNoPermissionAccessView'],
    responseBody: ModeratedAccountJsonV300,
  })
  @UseGuards(AccountViewGuard)
  async accountByIdV300(@CurrentAuth() auth: AuthContext, @ResolvedAccount() resolved: AccountOnView) {
    const [details, available] = await this.withViews(auth, resolved);
    return toModeratedAccountJsonV300(details, resolved.view, available);
  }

  private async withViews(auth: AuthContext, resolved: AccountOnView) {
    const { account } = resolved;
    const [[details], available] = await Promise.all([
      this.accounts.details([account]),
      this.views.grantedViews(auth.user.userId, { bankId: account.bankId, accountId: account.accountId }),
    ]);
    return [details, available] as const;
  }

  /** v2.x PUT: an existing account is answered unchanged and the owner made a holder (OBP has no "exists" check there). */
  private async createOrReturnExisting(auth: AuthContext, bankId: string, accountId: string, input: NewAccount): Promise<AccountDetails> {
    this.accounts.assertAccountIdSyntax(accountId);
    const ref = { bankId, accountId };
    if (!(await this.accounts.exists(ref))) return this.accounts.create(auth, bankId, accountId, input);
    const owner = await this.accounts.findUser(input.userId || auth.user.userId);
    this.accounts.assertMayCreateFor(auth, bankId, owner.userId);
    await this.accounts.addHolder(ref, owner.userId);
    const [details] = await this.accounts.details([await this.accounts.getAccount(ref)]);
    return details;
  }

  private async createNew(auth: AuthContext, bankId: string, accountId: string, input: NewAccount): Promise<AccountDetails> {
    this.accounts.assertAccountIdSyntax(accountId);
    if (await this.accounts.exists({ bankId, accountId })) throw ObpException.of('AccountIdAlreadyExists');
    return this.accounts.create(auth, bankId, accountId, input);
  }
}
