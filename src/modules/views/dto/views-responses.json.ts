import { ApiProperty } from '@nestjs/swagger';
import { ViewJSONV121 } from '../../accounts/dto/accounts-responses.json';
import { CustomerIdJsonV510 } from '../../customers/dto/customers-responses.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class ViewsJSONV121 {
  @ApiProperty({ type: () => [ViewJSONV121] }) views: ViewJSONV121[];
}

/** v2.2.0's view: v1.2.1's fields and permission flags, plus the one added since. */
export class ViewJsonV220 extends ViewJSONV121 {
  @ApiProperty({ example: true }) can_add_counterparty: boolean;
}

export class ViewsJSONV220 {
  @ApiProperty({ type: () => [ViewJsonV220] }) views: ViewJsonV220[];
}

/** v3.0.0's view: v2.2.0's fields plus the permission flags added since. */
export class ViewJsonV300 extends ViewJsonV220 {
  @ApiProperty({ example: 'owner' }) metadata_view: string;
  @ApiProperty({ example: true }) is_system: boolean;
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
