import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsDefined, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { OBP_ID_PATTERN, NestedJson } from '../../../common/http/obp-validators';

// Class names are OBP's: a refused body answers "The Json body should be the PostAccountAccessJsonV400 ...".

export class ViewIdJsonV400 {
  @ApiProperty({ example: 'owner' }) @IsString() @Matches(OBP_ID_PATTERN) view_id: string;
  @ApiProperty({ example: true }) @IsBoolean() is_system: boolean;
}

/** v4.0.0 grant / revoke body. */
export class PostAccountAccessJsonV400 {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) @IsString() @Matches(OBP_ID_PATTERN) user_id: string;
  @ApiProperty({ type: ViewIdJsonV400 }) @IsDefined() @NestedJson(() => ViewIdJsonV400) view: ViewIdJsonV400;
}

/** v5.1.0 grant / revoke body (VIEW_ID in the path is the caller's own view). */
export class PostAccountAccessJsonV510 {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) @IsString() @Matches(OBP_ID_PATTERN) user_id: string;
  @ApiProperty({ example: 'owner' }) @IsString() @Matches(OBP_ID_PATTERN) view_id: string;
}

/** Custom view creation (ids start with "_"). */
export class CreateViewJson {
  @ApiProperty({ example: '_work' })
  @IsString()
  @Matches(/^_[A-Za-z0-9\-._ ]{1,35}$/, { message: 'name must start with "_" and have at most 36 of A-Z a-z 0-9 - . _ and spaces' })
  name: string;
  @ApiProperty({ example: 'Shared with my accountant' }) @IsString() @MaxLength(255) description: string;
  @ApiProperty({ example: 'owner', description: 'the view whose transaction metadata this one shares; "" = its own' })
  @IsString()
  @Matches(OBP_ID_PATTERN)
  metadata_view: string;
  @ApiProperty({ example: false }) @IsBoolean() is_public: boolean;
  @ApiProperty({ example: 'public', enum: ['public', 'private', ''] }) @IsString() @IsIn(['public', 'private', '']) which_alias_to_use: string;
  @ApiProperty({ example: false }) @IsBoolean() hide_metadata_if_alias_used: boolean;
  @ApiProperty({ example: ['can_see_transaction_amount', 'can_see_comments'] })
  @IsArray()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  allowed_actions: string[];
}

export class RevokedJson {
  @ApiProperty({ example: true }) revoked: boolean;
}
