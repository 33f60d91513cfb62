import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** POST /users body (OBP v2.0.0 CreateUserJson). */
export class CreateUserJson {
  @ApiProperty({ example: 'felixsmith@example.com' })
  @IsEmail()
  @MaxLength(255)
  email: string;

  @ApiProperty({ example: 'felixsmith' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username: string;

  @ApiProperty({ example: 'Correct-horse-battery-staple' })
  @IsString()
  @MaxLength(512)
  password: string;

  @ApiProperty({ example: 'Felix' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  first_name: string;

  @ApiProperty({ example: 'Smith' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  last_name: string;

  @ApiPropertyOptional({ description: "Redeems a user invitation (this server's addition to OBP's body)", example: '238462750237498237409823740982374098234' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,40}$/)
  user_invitation_secret_key?: string;
}
