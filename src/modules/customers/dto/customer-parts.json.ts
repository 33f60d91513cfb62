import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { AMOUNT_PATTERN, IsObpDate } from '../../../common/http/obp-validators';

export class FaceImageJson {
  @ApiProperty({ example: 'www.openbankproject' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({ example: '1100-01-01T00:00:00Z' })
  @IsObpDate()
  date: string;
}

export class CustomerCreditRatingJson {
  @ApiProperty({ example: 'OBP' })
  @IsString()
  @MaxLength(100)
  rating: string;

  @ApiProperty({ example: 'OBP' })
  @IsString()
  @MaxLength(100)
  source: string;
}

export class AmountOfMoneyJson {
  @ApiProperty({ example: 'EUR' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code' })
  currency: string;

  @ApiProperty({ example: '1000' })
  @IsString()
  @IsNotEmpty()
  @Matches(AMOUNT_PATTERN, { message: 'amount must be a decimal number in a string' })
  amount: string;
}
