import { Controller, Param, UseGuards } from '@nestjs/common';
import { AUTHENTICATED, PUBLIC } from '../../common/auth/access';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { between, since } from '../../common/versioning/api-versions';
import { AccountViewGuard, ResolvedAccount, type AccountOnView } from '../accounts/account-view.guard';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { locationJson } from '../transaction-metadata/metadata-json';
import { CounterpartyEntity } from './entities/counterparty.entity';
import { toOtherAccountJsonV121, toOtherAccountJsonV300, type OtherAccount } from './other-account.mapper';
import { OtherAccountsService } from './other-accounts.service';
import {
  CounterpartiesJson400,
  CounterpartyWithMetadataJson,
  CounterpartyWithMetadataJson400,
  OtherAccountsJSON,
  OtherAccountsJsonV300,
} from './dto/counterparties-responses.json';
import { OtherAccountJson, OtherAccountJsonV300 } from '../transactions/dto/transactions-responses.json';

const TAGS = ['Counterparty'];
const READ_ERRORS = ['UserNotLoggedIn', 'BankNotFound', 'BankAccountNotFound', 'UserNoPermissionAccessView', 'InvalidConnectorResponse'] as const;

function ref({ account }: AccountOnView) {
  return { bankId: account.bankId, accountId: account.accountId };
}

/** Explicit counterparty JSON (v2.2.0 leaves out currency and bespoke). */
function explicitJson(row: CounterpartyEntity, withV400Fields: boolean): Record<string, unknown> {
  return {
    name: row.name,
    description: row.description,
    ...(withV400Fields ? { currency: row.currency } : {}),
    created_by_user_id: row.createdByUserId,
    this_bank_id: row.bankId,
    this_account_id: row.accountId,
    this_view_id: row.viewId,
    counterparty_id: row.counterpartyId,
    other_bank_routing_scheme: row.otherBankRoutingScheme,
    other_bank_routing_address: row.otherBankRoutingAddress,
    other_branch_routing_scheme: row.otherBranchRoutingScheme,
    other_branch_routing_address: row.otherBranchRoutingAddress,
    other_account_routing_scheme: row.otherAccountRoutingScheme,
    other_account_routing_address: row.otherAccountRoutingAddress,
    other_account_secondary_routing_scheme: row.otherAccountSecondaryRoutingScheme,
    other_account_secondary_routing_address: row.otherAccountSecondaryRoutingAddress,
    is_beneficiary: row.isBeneficiary,
    ...(withV400Fields ? { bespoke: row.bespoke } : {}),
  };
}

/** Counterparty metadata in the explicit-counterparty form (lower-case url keys, private alias last). */
function explicitMetadataJson(other: OtherAccount): Record<string, unknown> {
  const metadata = other.metadata;
  return {
    public_alias: metadata?.publicAlias ?? '',
    more_info: metadata?.moreInfo ?? '',
    url: metadata?.url ?? '',
    image_url: metadata?.imageUrl ?? '',
    open_corporates_url: metadata?.openCorporatesUrl ?? '',
    corporate_location: locationJson(other.corporateLocation),
    physical_location: locationJson(other.physicalLocation),
    private_alias: metadata?.privateAlias ?? '',
  };
}

/** Other accounts (implicit counterparties of the transactions) and explicit counterparties, through a view. */
@Controller()
@UseGuards(AccountViewGuard)
export class CounterpartiesController {
  constructor(
    private readonly others: OtherAccountsService,
    @InjectRepository(CounterpartyEntity) private readonly explicit: Repository<CounterpartyEntity>,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv1.2.1-getOtherAccountsForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/other_accounts',
    versions: between('1.2.1', '2.2.0'),
    access: PUBLIC,
    summary: 'Get Other Accounts of one Account',
    description:
      "The counterparties of the account's transactions (and its explicit counterparties), labelled with the alias the view asks for. Login is optional for public views. A view without can_see_transaction_other_bank_account lists none.",
    tags: TAGS,
    errors: [...READ_ERRORS],
    responseBody: OtherAccountsJSON,
  })
  async listV121(@ResolvedAccount() resolved: AccountOnView) {
    return { other_accounts: (await this.visible(resolved)).map((other) => toOtherAccountJsonV121(resolved.view, other)) };
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getOtherAccountsForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/other_accounts',
    versions: since('3.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Other Accounts of one Account (v3.0.0)',
    description: 'As v1.2.1, rendered as OtherAccountJsonV300; login required.',
    tags: TAGS,
    errors: [...READ_ERRORS],
    responseBody: OtherAccountsJsonV300,
  })
  async listV300(@ResolvedAccount() resolved: AccountOnView) {
    return { other_accounts: (await this.visible(resolved)).map((other) => toOtherAccountJsonV300(resolved.view, other)) };
  }

  @ObpEndpoint({
    operationId: 'OBPv1.2.1-getOtherAccountByIdForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/other_accounts/OTHER_ACCOUNT_ID',
    versions: between('1.2.1', '2.2.0'),
    access: PUBLIC,
    summary: 'Get Other Account by Id',
    description:
      'One counterparty of the account through the view; unknown ids and views without can_see_transaction_other_bank_account answer 400 OBP-50200, as OBP.',
    tags: TAGS,
    errors: [...READ_ERRORS],
    responseBody: OtherAccountJson,
  })
  async oneV121(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string) {
    return toOtherAccountJsonV121(resolved.view, await this.others.get(ref(resolved), resolved.view, id));
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getOtherAccountByIdForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/other_accounts/OTHER_ACCOUNT_ID',
    versions: since('3.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Other Account by Id (v3.0.0)',
    tags: TAGS,
    errors: [...READ_ERRORS],
    responseBody: OtherAccountJsonV300,
  })
  async oneV300(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string) {
    return toOtherAccountJsonV300(resolved.view, await this.others.get(ref(resolved), resolved.view, id));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getExplicitCounterpartiesForAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/counterparties',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Counterparties (Explicit)',
    description: 'The explicit counterparties (stored payees) of the account.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'BankAccountNotFound', 'UserNoPermissionAccessView'],
    responseBody: CounterpartiesJson400,
  })
  async explicitList(@ResolvedAccount() resolved: AccountOnView) {
    const rows = await this.explicit.find({ where: ref(resolved), order: { name: 'ASC' } });
    return { counterparties: rows.map((row) => explicitJson(row, true)) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.2.0-getExplicitCounterpartyById',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/counterparties/COUNTERPARTY_ID',
    versions: between('2.2.0', '3.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Counterparty by Counterparty Id (Explicit)',
    description: 'One explicit counterparty of the account with its metadata; the view needs can_get_counterparty (400 OBP-30022 here).',
    tags: TAGS,
    errors: [
      'UserNotLoggedIn',
      'BankNotFound',
      'BankAccountNotFound',
      'UserNoPermissionAccessView',
      'NoViewPermission',
      'CounterpartyNotFoundByCounterpartyId',
    ],
    responseBody: CounterpartyWithMetadataJson,
  })
  async explicitOneV220(@ResolvedAccount() resolved: AccountOnView, @Param('COUNTERPARTY_ID') id: string) {
    return this.explicitOne(resolved, id, 400, false);
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getExplicitCounterpartyById',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/counterparties/COUNTERPARTY_ID',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Counterparty by Counterparty Id (Explicit, v4.0.0)',
    description: 'As v2.2.0 with currency and bespoke; a view without can_get_counterparty answers 403 OBP-30022.',
    tags: TAGS,
    errors: [
      'UserNotLoggedIn',
      'BankNotFound',
      'BankAccountNotFound',
      'UserNoPermissionAccessView',
      'NoViewPermission',
      'CounterpartyNotFoundByCounterpartyId',
    ],
    responseBody: CounterpartyWithMetadataJson400,
  })
  async explicitOneV400(@ResolvedAccount() resolved: AccountOnView, @Param('COUNTERPARTY_ID') id: string) {
    return this.explicitOne(resolved, id, 403, true);
  }

  private async explicitOne(resolved: AccountOnView, id: string, missingFlagStatus: number, v400: boolean) {
    if (!resolved.view.permissions.has('can_get_counterparty')) throw ObpException.of('NoViewPermission', 'can_get_counterparty', missingFlagStatus);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
    const row = uuid ? await this.explicit.findOneBy({ ...ref(resolved), counterpartyId: id }) : null;
    if (!row) throw ObpException.of('CounterpartyNotFoundByCounterpartyId', `Current COUNTERPARTY_ID = ${id.slice(0, 64)}`);
    const [withMetadata] = await this.others.withMetadata(ref(resolved), [
      { counterpartyId: row.counterpartyId, name: row.name, accountNumber: '', routingScheme: '', routingAddress: '' },
    ]);
    return { ...explicitJson(row, v400), metadata: explicitMetadataJson(withMetadata) };
  }

  /** The list, empty when the view may not see counterparties (as OBP: no error). */
  private async visible(resolved: AccountOnView): Promise<OtherAccount[]> {
    if (!resolved.view.permissions.has('can_see_transaction_other_bank_account')) return [];
    return this.others.list(ref(resolved));
  }
}
