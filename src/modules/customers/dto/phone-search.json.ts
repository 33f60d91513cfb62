import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/**
 * Every backslash escapes the next character (PostgreSQL's LIKE escape): "\\%" is a literal %.
 * A pattern ending in a lone backslash is refused by PostgreSQL ("LIKE pattern must not end with
 * escape character"), which was a 500; it is refused here as a bad body.
 */
const NO_TRAILING_ESCAPE = /^(?:[^\\]|\\[\s\S])*$/;

/** PostCustomerPhoneNumberJsonV400: a LIKE pattern; % and _ are wildcards ("%381%"), \ escapes. */
export class PostCustomerPhoneNumberJsonV400 {
  @ApiProperty({ example: '%381%' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NO_TRAILING_ESCAPE, { message: 'mobile_phone_number must not end with an unescaped backslash (the LIKE escape character)' })
  mobile_phone_number: string;
}
