import { ApiProperty } from '@nestjs/swagger';
import { BankRoutingJson } from '../../banks/dto/create-bank.json';
import { AmountOfMoneyJson } from '../../customers/dto/customer-parts.json';
import { MetadataUserJSON } from '../../transaction-metadata/dto/transaction-metadata.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class ViewJSONV121 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'short_name' }) short_name: string;
  @ApiProperty({ example: 'description' }) description: string;
  @ApiProperty({ example: true }) is_public: boolean;
  @ApiProperty({ example: 'No' }) alias: string;
  @ApiProperty({ example: true }) hide_metadata_if_alias_used: boolean;
  @ApiProperty({ example: true }) can_add_comment: boolean;
  @ApiProperty({ example: true }) can_add_corporate_location: boolean;
  @ApiProperty({ example: true }) can_add_image: boolean;
  @ApiProperty({ example: true }) can_add_image_url: boolean;
  @ApiProperty({ example: true }) can_add_more_info: boolean;
  @ApiProperty({ example: true }) can_add_open_corporates_url: boolean;
  @ApiProperty({ example: true }) can_add_physical_location: boolean;
  @ApiProperty({ example: true }) can_add_private_alias: boolean;
  @ApiProperty({ example: true }) can_add_public_alias: boolean;
  @ApiProperty({ example: true }) can_add_tag: boolean;
  @ApiProperty({ example: true }) can_add_url: boolean;
  @ApiProperty({ example: true }) can_add_where_tag: boolean;
  @ApiProperty({ example: true }) can_delete_comment: boolean;
  @ApiProperty({ example: true }) can_delete_corporate_location: boolean;
  @ApiProperty({ example: true }) can_delete_image: boolean;
  @ApiProperty({ example: true }) can_delete_physical_location: boolean;
  @ApiProperty({ example: true }) can_delete_tag: boolean;
  @ApiProperty({ example: true }) can_delete_where_tag: boolean;
  @ApiProperty({ example: true }) can_edit_owner_comment: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_balance: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_bank_name: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_currency: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_iban: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_label: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_national_identifier: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_number: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_owners: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_swift_bic: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_type: boolean;
  @ApiProperty({ example: true }) can_see_comments: boolean;
  @ApiProperty({ example: true }) can_see_corporate_location: boolean;
  @ApiProperty({ example: true }) can_see_image_url: boolean;
  @ApiProperty({ example: true }) can_see_images: boolean;
  @ApiProperty({ example: true }) can_see_more_info: boolean;
  @ApiProperty({ example: true }) can_see_open_corporates_url: boolean;
  @ApiProperty({ example: true }) can_see_other_account_bank_name: boolean;
  @ApiProperty({ example: true }) can_see_other_account_iban: boolean;
  @ApiProperty({ example: true }) can_see_other_account_kind: boolean;
  @ApiProperty({ example: true }) can_see_other_account_metadata: boolean;
  @ApiProperty({ example: true }) can_see_other_account_national_identifier: boolean;
  @ApiProperty({ example: true }) can_see_other_account_number: boolean;
  @ApiProperty({ example: true }) can_see_other_account_swift_bic: boolean;
  @ApiProperty({ example: true }) can_see_owner_comment: boolean;
  @ApiProperty({ example: true }) can_see_physical_location: boolean;
  @ApiProperty({ example: true }) can_see_private_alias: boolean;
  @ApiProperty({ example: true }) can_see_public_alias: boolean;
  @ApiProperty({ example: true }) can_see_tags: boolean;
  @ApiProperty({ example: true }) can_see_transaction_amount: boolean;
  @ApiProperty({ example: true }) can_see_transaction_balance: boolean;
  @ApiProperty({ example: true }) can_see_transaction_currency: boolean;
  @ApiProperty({ example: true }) can_see_transaction_description: boolean;
  @ApiProperty({ example: true }) can_see_transaction_finish_date: boolean;
  @ApiProperty({ example: true }) can_see_transaction_metadata: boolean;
  @ApiProperty({ example: true }) can_see_transaction_other_bank_account: boolean;
  @ApiProperty({ example: true }) can_see_transaction_start_date: boolean;
  @ApiProperty({ example: true }) can_see_transaction_this_bank_account: boolean;
  @ApiProperty({ example: true }) can_see_transaction_type: boolean;
  @ApiProperty({ example: true }) can_see_url: boolean;
  @ApiProperty({ example: true }) can_see_where_tag: boolean;
}

export class ModeratedAccountJSON {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: '123' }) number: string;
  @ApiProperty({ type: () => [MetadataUserJSON] }) owners: MetadataUserJSON[];
  @ApiProperty({ example: 'STRING' }) type: string;
  @ApiProperty({ type: () => AmountOfMoneyJson }) balance: AmountOfMoneyJson;
  @ApiProperty({ example: 'UK234DB' }) IBAN: string;
  @ApiProperty({ type: String, nullable: true, example: null }) swift_bic: string | null;
  @ApiProperty({ type: () => [ViewJSONV121] }) views_available: ViewJSONV121[];
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
}

export class ViewsBasicJson {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'short_name' }) short_name: string;
  @ApiProperty({ example: 'description' }) description: string;
  @ApiProperty({ example: true }) is_public: boolean;
}

export class ModeratedAccountJsonV300 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: '123' }) number: string;
  @ApiProperty({ type: () => [MetadataUserJSON] }) owners: MetadataUserJSON[];
  @ApiProperty({ example: 'STRING' }) type: string;
  @ApiProperty({ type: () => AmountOfMoneyJson }) balance: AmountOfMoneyJson;
  @ApiProperty({ type: () => [BankRoutingJson] }) account_routings: BankRoutingJson[];
  @ApiProperty({ type: () => [ViewsBasicJson] }) views_basic: ViewsBasicJson[];
}

export class AccountJSON {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ type: () => [ViewJSONV121] }) views_available: ViewJSONV121[];
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
}

export class AccountsJSON {
  @ApiProperty({ type: () => [AccountJSON] }) accounts: AccountJSON[];
}

export class BasicViewJson {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'short_name' }) short_name: string;
  @ApiProperty({ example: true }) is_public: boolean;
}

export class BasicAccountJSON {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ type: () => [BasicViewJson] }) views_available: BasicViewJson[];
}

export class CoreAccountJsonV200 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: {} }) _links: Record<string, unknown>;
}

export class AccountJsonV300 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '330' }) account_type: string;
  @ApiProperty({ type: () => [BankRoutingJson] }) account_routings: BankRoutingJson[];
  @ApiProperty({ type: () => [ViewsBasicJson] }) views: ViewsBasicJson[];
}

export class CoreAccountsJsonV300 {
  @ApiProperty({ type: () => [AccountJsonV300] }) accounts: AccountJsonV300[];
}
