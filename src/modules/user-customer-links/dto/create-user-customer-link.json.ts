import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** CreateUserCustomerLinkJson */
export class CreateUserCustomerLinkJson {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) @IsString() @IsNotEmpty() @MaxLength(36) user_id: string;
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) @IsString() @IsNotEmpty() @MaxLength(36) customer_id: string;
}
