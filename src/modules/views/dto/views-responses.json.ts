import { ApiProperty } from '@nestjs/swagger';
import { ViewJSONV121 } from '../../accounts/dto/accounts-responses.json';
import { CustomerIdJsonV510 } from '../../customers/dto/customers-responses.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class ViewsJSONV121 {
  @ApiProperty({ type: () => [ViewJSONV121] }) views: ViewJSONV121[];
}

export class ViewJsonV220 {
  @ApiProperty({ example: '1234' }) id: string;
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
  @ApiProperty({ example: true }) can_add_counterparty: boolean;
}

export class ViewsJSONV220 {
  @ApiProperty({ type: () => [ViewJsonV220] }) views: ViewJsonV220[];
}

export class ViewJsonV300 {
  @ApiProperty({ example: '1234' }) id: string;
  @ApiProperty({ example: 'short_name' }) short_name: string;
  @ApiProperty({ example: 'description' }) description: string;
  @ApiProperty({ example: 'owner' }) metadata_view: string;
  @ApiProperty({ example: true }) is_public: boolean;
  @ApiProperty({ example: true }) is_system: boolean;
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
  @ApiProperty({ example: true }) can_add_counterparty: boolean;
  @ApiProperty({ example: true }) can_query_available_funds: boolean;
  @ApiProperty({ example: true }) can_see_bank_routing_scheme: boolean;
  @ApiProperty({ example: true }) can_see_bank_routing_address: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_routing_scheme: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_routing_address: boolean;
  @ApiProperty({ example: true }) can_see_other_bank_routing_scheme: boolean;
  @ApiProperty({ example: true }) can_see_other_bank_routing_address: boolean;
  @ApiProperty({ example: true }) can_see_other_account_routing_scheme: boolean;
  @ApiProperty({ example: true }) can_see_other_account_routing_address: boolean;
  @ApiProperty({ example: true }) can_add_transaction_request_to_own_account: boolean;
  @ApiProperty({ example: true }) can_add_transaction_request_to_any_account: boolean;
  @ApiProperty({ example: true }) can_see_bank_account_credit_limit: boolean;
  @ApiProperty({ example: true }) can_create_direct_debit: boolean;
  @ApiProperty({ example: true }) can_create_standing_order: boolean;
}

export class ViewsJsonV300 {
  @ApiProperty({ type: () => [ViewJsonV300] }) views: ViewJsonV300[];
}

/** v5.0.0's view: v3.0.0's fields plus the views its holders may grant and revoke access to. */
export class ViewJsonV500 extends ViewJsonV300 {
  @ApiProperty({ type: [String], example: ['owner'] }) can_grant_access_to_views: string[];
  @ApiProperty({ type: [String], example: ['owner'] }) can_revoke_access_to_views: string[];
}

export class ViewsJsonV500 {
  @ApiProperty({ type: () => [ViewJsonV500] }) views: ViewJsonV500[];
}

export class ViewIdsJsonV500 {
  @ApiProperty({ type: () => [CustomerIdJsonV510] }) views: CustomerIdJsonV510[];
}
