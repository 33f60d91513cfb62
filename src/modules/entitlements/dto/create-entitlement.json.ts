import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** CreateEntitlementJSON: bank_id "" for system roles. */
export class CreateEntitlementJson {
  @ApiProperty({ example: 'gh.29.uk' }) @IsString() @MaxLength(255) bank_id: string;
  @ApiProperty({ example: 'CanCreateCustomer' }) @IsString() @MaxLength(255) role_name: string;
}
