import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** POST /users/email-validation body (OBP v6.0.0 ValidateUserEmailJsonV600). */
export class ValidateUserEmailJsonV600 {
  @ApiProperty({ description: 'The token from the validation link (its last path segment)', example: 'wq3oT1dS7bqS0f2dF1cZl0l8e7s6X3Jq9hG0mYkqA2E' })
  @IsString()
  @MaxLength(512)
  token: string;
}

/** OBP v6.0.0 ValidateUserEmailResponseJsonV600 */
export class ValidateUserEmailResponseJsonV600 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) user_id: string;
  @ApiProperty({ example: 'user@example.com' }) email: string;
  @ApiProperty({ example: 'username' }) username: string;
  @ApiProperty({ example: 'http://127.0.0.1:8080' }) provider: string;
  @ApiProperty({ example: true }) validated: boolean;
  @ApiProperty({ example: 'Email validated successfully' }) message: string;
}
