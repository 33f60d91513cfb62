import { Controller, Param } from '@nestjs/common';
import { AUTHENTICATED } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { between, since } from '../../common/versioning/api-versions';
import { ViewsService } from '../views/views.service';
import { toViewBasicJson, toViewJsonV121 } from '../views/views.mapper';
import type { ViewDefinition } from '../views/system-views';
import { toCoreAccountJson } from './accounts.mapper';
import { AccountsService } from './accounts.service';
import type { AccountEntity } from './entities/account.entity';
import { AccountsJSON, BasicAccountJSON, CoreAccountJsonV200, CoreAccountsJsonV300 } from './dto/accounts-responses.json';

const TAGS = ['Account'];

/** The accounts a user can see through private views: at one bank, or at every bank (/my/accounts). */
@Controller()
export class AccountListsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly views: ViewsService,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv1.2.1-getPrivateAccountsAtOneBank',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts',
    versions: between('1.2.1', '1.4.0'),
    access: AUTHENTICATED,
    summary: 'Get Accounts at Bank (Private)',
    description: 'Accounts at the bank on which the caller holds a private view, each with the views the caller holds on it.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound'],
    responseBody: AccountsJSON,
  })
  async privateAccountsV121(@CurrentAuth() auth: AuthContext, @Param('BANK_ID') bankId: string) {
    const rows = await this.withViews(auth, bankId);
    return {
      accounts: rows.map(({ account, views }) => ({
        id: account.accountId,
        label: account.label,
        views_available: views.map(toViewJsonV121),
        bank_id: account.bankId,
      })),
    };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-getPrivateAccountsAtOneBank',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts',
    versions: between('2.0.0', '3.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Accounts at Bank (v2.0.0)',
    description: 'As v1.2.1, answered as a bare JSON array with short view entries {id, short_name, is_public}.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound'],
    responseBody: [BasicAccountJSON],
  })
  async privateAccountsV200(@CurrentAuth() auth: AuthContext, @Param('BANK_ID') bankId: string) {
    return this.basicList(auth, bankId);
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getPrivateAccountsAtOneBank',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Accounts at Bank (v4.0.0)',
    description: 'As v2.0.0 (a bare JSON array).',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound'],
    responseBody: [BasicAccountJSON],
  })
  async privateAccountsV400(@CurrentAuth() auth: AuthContext, @Param('BANK_ID') bankId: string) {
    return this.basicList(auth, bankId);
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-corePrivateAccountsAllBanks',
    verb: 'GET',
    path: '/my/accounts',
    versions: between('2.0.0', '2.2.0'),
    access: AUTHENTICATED,
    summary: 'Get Accounts at all Banks (private)',
    description: 'Every account, at any bank, on which the caller holds a private view (a bare JSON array).',
    tags: TAGS,
    errors: ['UserNotLoggedIn'],
    responseBody: [CoreAccountJsonV200],
  })
  async myAccountsV200(@CurrentAuth() auth: AuthContext) {
    const rows = await this.accounts.accountsWithPrivateViews(auth.user.userId);
    return rows.map(({ account }) => toCoreAccountJson({ account, routings: [], owners: [] }));
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-corePrivateAccountsAllBanks',
    verb: 'GET',
    path: '/my/accounts',
    versions: since('3.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Accounts at all Banks (private, v3.0.0)',
    description: "Every account on which the caller holds a private view, with its type, routings and the caller's views.",
    tags: TAGS,
    errors: ['UserNotLoggedIn'],
    responseBody: CoreAccountsJsonV300,
  })
  async myAccountsV300(@CurrentAuth() auth: AuthContext) {
    const rows = await this.withViews(auth);
    const details = await this.accounts.details(rows.map((row) => row.account));
    return {
      accounts: rows.map(({ account, views }, index) => ({
        id: account.accountId,
        label: account.label,
        bank_id: account.bankId,
        account_type: account.accountType,
        account_routings: details[index].routings,
        views: views.map((view) => toViewBasicJson(view)),
      })),
    };
  }

  private async basicList(auth: AuthContext, bankId: string) {
    const rows = await this.withViews(auth, bankId);
    return rows.map(({ account, views }) => ({
      id: account.accountId,
      label: account.label,
      bank_id: account.bankId,
      views_available: views.map((view) => toViewBasicJson(view, false)),
    }));
  }

  /** Accounts with the private views the caller holds on each (custom view rows in one query per account set). */
  private async withViews(auth: AuthContext, bankId?: string): Promise<{ account: AccountEntity; views: ViewDefinition[] }[]> {
    const rows = await this.accounts.accountsWithPrivateViews(auth.user.userId, bankId);
    return Promise.all(
      rows.map(async ({ account, viewIds }) => ({
        account,
        views: await this.views.definitions({ bankId: account.bankId, accountId: account.accountId }, viewIds),
      })),
    );
  }
}
