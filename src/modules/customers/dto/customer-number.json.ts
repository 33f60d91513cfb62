import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class PostCustomerNumberJsonV310 {
  @ApiProperty({ example: '5987953' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  customer_number: string;
}
