import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export const ATTRIBUTE_TYPES = ['STRING', 'INTEGER', 'DOUBLE', 'DATE_WITH_DAY'] as const;
const TYPE_RULE = { message: `type can only be one of ${ATTRIBUTE_TYPES.join(', ')}` };

/** CustomerAttributeJsonV400 */
export class CustomerAttributeJsonV400 {
  @ApiProperty({ example: 'SPECIAL_TAX_NUMBER' }) @IsString() @IsNotEmpty() @MaxLength(255) name: string;
  @ApiProperty({ example: 'STRING', enum: ATTRIBUTE_TYPES }) @IsIn(ATTRIBUTE_TYPES, TYPE_RULE) type: (typeof ATTRIBUTE_TYPES)[number];
  @ApiProperty({ example: '123456789' }) @IsString() @MaxLength(2000) value: string;
}

/** AttributeDefinitionJsonV400 (category must be "Customer" on this endpoint) */
export class AttributeDefinitionJsonV400 {
  @ApiProperty({ example: 'SPECIAL_TAX_NUMBER' }) @IsString() @IsNotEmpty() @MaxLength(255) name: string;
  @ApiProperty({ example: 'Customer' }) @IsIn(['Customer'], { message: 'category can only be Customer here' }) category: string;
  @ApiProperty({ example: 'STRING', enum: ATTRIBUTE_TYPES }) @IsIn(ATTRIBUTE_TYPES, TYPE_RULE) type: string;
  @ApiProperty({ example: 'description' }) @IsString() @MaxLength(2000) description: string;
  @ApiProperty({ example: 'STRING' }) @IsString() @MaxLength(255) alias: string;
  @ApiProperty({ example: ['bank'] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) can_be_seen_on_views: string[];
  @ApiProperty({ example: true }) @IsBoolean() is_active: boolean;
}
