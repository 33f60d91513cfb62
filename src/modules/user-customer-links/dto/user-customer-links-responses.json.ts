import { ApiProperty } from '@nestjs/swagger';
import { CustomerJsonV310 } from '../../customers/dto/customers-responses.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class UserCustomerLinkJson {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) user_customer_link_id: string;
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) user_id: string;
  @ApiProperty({ example: '2026-12-07T03:51:53Z' }) date_inserted: string;
  @ApiProperty({ example: true }) is_active: boolean;
}

export class UserCustomerLinksJson {
  @ApiProperty({ type: () => [UserCustomerLinkJson] }) user_customer_links: UserCustomerLinkJson[];
}

export class UserAttributeJson {
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) user_attribute_id: string;
  @ApiProperty({ example: 'BATTERY_LEVEL' }) name: string;
  @ApiProperty({ example: 'STRING' }) type: string;
  @ApiProperty({ example: '90' }) value: string;
  @ApiProperty({ example: '2024-10-16T00:00:00Z' }) insert_date: string;
}

export class UserJson {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) user_id: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) email: string;
  @ApiProperty({ example: 'Chris' }) provider_id: string;
  @ApiProperty({ example: 'http://127.0.0.1:8080' }) provider: string;
  @ApiProperty({ example: 'felixsmith' }) username: string;
  @ApiProperty({ type: () => [UserAttributeJson] }) user_attributes: UserAttributeJson[];
}

export class CustomerAndUsersWithAttributesResponseJson {
  @ApiProperty({ type: () => CustomerJsonV310 }) customer: CustomerJsonV310;
  @ApiProperty({ type: () => [UserJson] }) users: UserJson[];
}

export class CorrelatedUsersResponseJson {
  @ApiProperty({ type: () => [CustomerAndUsersWithAttributesResponseJson] }) correlated_entities: CustomerAndUsersWithAttributesResponseJson[];
}
