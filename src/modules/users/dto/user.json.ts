import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EntitlementJson {
  @ApiProperty({ example: '6fb17583-1e49-4435-bb74-a14fe0996723' }) entitlement_id: string;
  @ApiProperty({ example: 'CanGetAnyUser' }) role_name: string;
  @ApiProperty({ example: '' }) bank_id: string;
}

export class EntitlementListJson {
  @ApiProperty({ type: [EntitlementJson] }) list: EntitlementJson[];
}

export class ViewAccessJson {
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0' }) account_id: string;
  @ApiProperty({ example: 'owner' }) view_id: string;
}

export class ViewAccessListJson {
  @ApiProperty({ type: [ViewAccessJson] }) list: ViewAccessJson[];
}

/** UserJsonV200 */
export class UserJsonV200 {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) user_id: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) email: string;
  @ApiProperty({ example: 'felixsmith' }) provider_id: string;
  @ApiProperty({ example: 'http://127.0.0.1:8080' }) provider: string;
  @ApiProperty({ example: 'felixsmith' }) username: string;
  @ApiProperty({ type: EntitlementListJson }) entitlements: EntitlementListJson;
}

/** UserJsonV300: V200 plus the views the user can access. */
export class UserJsonV300 extends UserJsonV200 {
  @ApiProperty({ type: ViewAccessListJson }) views: ViewAccessListJson;
}

export class AgreementJson {
  @ApiProperty({ example: '' }) type: string;
  @ApiProperty({ example: '' }) text: string;
}

/** UserJsonV400 */
export class UserJsonV400 extends UserJsonV200 {
  @ApiProperty({ type: [AgreementJson] }) agreements: AgreementJson[];
  @ApiProperty({ example: false }) is_deleted: boolean;
  @ApiPropertyOptional({ example: '2024-01-01T00:00:00Z' }) last_marketing_agreement_signed_date?: string;
  @ApiProperty({ example: false }) is_locked: boolean;
}

export class UsersJsonV200 {
  @ApiProperty({ type: [UserJsonV200] }) users: UserJsonV200[];
}

export class UsersJsonV400 {
  @ApiProperty({ type: [UserJsonV400] }) users: UserJsonV400[];
}

export class UserIdJson {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) user_id: string;
}
