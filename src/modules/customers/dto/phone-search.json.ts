import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** PostCustomerPhoneNumberJsonV400: a LIKE pattern; % and _ are wildcards ("%381%"). */
export class PostCustomerPhoneNumberJsonV400 {
  @ApiProperty({ example: '%381%' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  mobile_phone_number: string;
}
