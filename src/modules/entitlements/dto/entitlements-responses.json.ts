import { ApiProperty } from '@nestjs/swagger';
import { RoleJsonWithBankFlag } from '../../../common/endpoint/dto/resource-docs.json';
import { EntitlementJson } from '../../users/dto/user.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class EntitlementJSONs {
  @ApiProperty({ type: () => [EntitlementJson] }) list: EntitlementJson[];
}

export class EntitlementJsonV400 {
  @ApiProperty({ example: '6fb17583-1e49-4435-bb74-a14fe0996723' }) entitlement_id: string;
  @ApiProperty({ example: 'CanQueryOtherUser' }) role_name: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) user_id: string;
}

export class EntitlementsJsonV400 {
  @ApiProperty({ type: () => [EntitlementJsonV400] }) list: EntitlementJsonV400[];
}

export class AvailableRolesJSON {
  @ApiProperty({ type: () => [RoleJsonWithBankFlag] }) roles: RoleJsonWithBankFlag[];
}

export class EntitlementWithUsernameJson {
  @ApiProperty({ example: '6fb17583-1e49-4435-bb74-a14fe0996723' }) entitlement_id: string;
  @ApiProperty({ example: 'CanQueryOtherUser' }) role_name: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) user_id: string;
  @ApiProperty({ example: 'felixsmith' }) username: string;
}

export class EntitlementsWithUsernameJson {
  @ApiProperty({ type: () => [EntitlementWithUsernameJson] }) list: EntitlementWithUsernameJson[];
}
