import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OBP_ID_PATTERN, NestedJson } from '../../../common/http/obp-validators';

// Class names are OBP's: a refused body answers "The Json body should be the CreateAccountJSON ...".

export class AmountOfMoneyJsonV121 {
  @ApiProperty({ example: 'EUR' }) @IsString() @MaxLength(16) currency: string;
  @ApiProperty({ example: '0' }) @IsString() @MaxLength(64) amount: string;
}

export class AccountRoutingJsonV121 {
  @ApiProperty({ example: 'AccountNumber' }) @IsString() @MaxLength(64) scheme: string;
  @ApiProperty({ example: '4930396' }) @IsString() @MaxLength(128) address: string;
}

/** v2.0.0 PUT body. */
export class CreateAccountJSON {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1', description: '"" = the caller' })
  @IsString()
  @Matches(OBP_ID_PATTERN)
  user_id: string;
  @ApiProperty({ example: 'My Account' }) @IsString() @MaxLength(255) label: string;
  @ApiProperty({ example: 'CURRENT' }) @IsString() @MaxLength(255) type: string;
  @ApiProperty({ type: AmountOfMoneyJsonV121 })
  @IsDefined()
  @NestedJson(() => AmountOfMoneyJsonV121)
  balance: AmountOfMoneyJsonV121;
}

/** v2.2.0 PUT body (also the response). */
export class CreateAccountJSONV220 extends CreateAccountJSON {
  @ApiProperty({ example: '1234' }) @IsString() @MaxLength(255) branch_id: string;
  @ApiProperty({ type: AccountRoutingJsonV121 })
  @IsDefined()
  @NestedJson(() => AccountRoutingJsonV121)
  account_routing: AccountRoutingJsonV121;
}

/** v3.1.0 PUT and v4.0.0 POST body. */
export class CreateAccountRequestJsonV310 {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1', description: '"" = the caller' })
  @IsString()
  @Matches(OBP_ID_PATTERN)
  user_id: string;
  @ApiProperty({ example: 'My Account' }) @IsString() @MaxLength(255) label: string;
  @ApiProperty({ example: '1234BW' }) @IsString() @MaxLength(255) product_code: string;
  @ApiProperty({ type: AmountOfMoneyJsonV121 })
  @IsDefined()
  @NestedJson(() => AmountOfMoneyJsonV121)
  balance: AmountOfMoneyJsonV121;
  @ApiProperty({ example: 'DERBY6' }) @IsString() @MaxLength(255) branch_id: string;
  @ApiProperty({ type: [AccountRoutingJsonV121] })
  @IsArray()
  @NestedJson(() => AccountRoutingJsonV121, { each: true })
  account_routings: AccountRoutingJsonV121[];
}

/** v5.0.0 PUT body: only label and product_code are required. */
export class CreateAccountRequestJsonV500 {
  @ApiPropertyOptional({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' })
  @IsOptional()
  @IsString()
  @Matches(OBP_ID_PATTERN)
  user_id?: string;
  @ApiProperty({ example: 'My Account' }) @IsString() @MaxLength(255) label: string;
  @ApiProperty({ example: '1234BW' }) @IsString() @MaxLength(255) product_code: string;
  @ApiPropertyOptional({ type: AmountOfMoneyJsonV121 })
  @IsOptional()
  @NestedJson(() => AmountOfMoneyJsonV121)
  balance?: AmountOfMoneyJsonV121;
  @ApiPropertyOptional({ example: 'DERBY6' }) @IsOptional() @IsString() @MaxLength(255) branch_id?: string;
  @ApiPropertyOptional({ type: [AccountRoutingJsonV121] })
  @IsOptional()
  @IsArray()
  @NestedJson(() => AccountRoutingJsonV121, { each: true })
  account_routings?: AccountRoutingJsonV121[];
}

export class CoreAccountJSON {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: {} }) _links: Record<string, unknown>;
}

export class CreateAccountResponseJsonV310 {
  @ApiProperty({ example: '8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0' }) account_id: string;
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) user_id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: '1234BW' }) product_code: string;
  @ApiProperty({ type: AmountOfMoneyJsonV121 }) balance: AmountOfMoneyJsonV121;
  @ApiProperty({ example: 'DERBY6' }) branch_id: string;
  @ApiProperty({ type: [AccountRoutingJsonV121] }) account_routings: AccountRoutingJsonV121[];
  @ApiProperty({ type: [Object] }) account_attributes: unknown[];
}
