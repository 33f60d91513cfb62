import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

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
}
