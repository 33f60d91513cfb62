import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PUBLIC } from '../../common/auth/access';
import { NonObpRoute } from '../../common/auth/non-obp-route.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { since } from '../../common/versioning/api-versions';
import { ValidateUserEmailJsonV600, ValidateUserEmailResponseJsonV600 } from './dto/email-validation.dto';
import { EmailValidationService } from './email-validation.service';
import type { UserEntity } from './entities/user.entity';
import { ValidBody } from '../../common/http/valid-body';

function toResponse(user: UserEntity): ValidateUserEmailResponseJsonV600 {
  return {
    user_id: user.userId,
    email: user.email,
    username: user.username,
    provider: user.provider,
    validated: true,
    message: 'Email validated successfully',
  };
}

/** OBP v6.0.0's REST form of e-mail validation, served from this server's newest version. */
@Controller()
export class EmailValidationController {
  constructor(private readonly validation: EmailValidationService) {}

  @ObpEndpoint({
    operationId: 'OBPv6.0.0-validateUserEmail',
    verb: 'POST',
    path: '/users/email-validation',
    versions: since('5.1.0'),
    access: PUBLIC,
    successStatus: 200,
    summary: 'Validate User Email',
    description:
      'Validates the e-mail address of a user with the token from the validation link sent at sign-up (no login needed). The token works once and expires; afterwards it answers 404 OBP-20106. A validated address is what grants anything given by e-mail (meetings an address is invited to), and lets the user log in when user_account_validated is off. OBP introduced this endpoint in v6.0.0; this server serves it from v5.1.0, its newest version.',
    tags: ['User'],
    errors: ['InvalidJsonFormat', 'UserNotFoundByToken', 'UserAlreadyValidated', 'UnknownError'],
    requestBody: ValidateUserEmailJsonV600,
    responseBody: ValidateUserEmailResponseJsonV600,
  })
  async validateUserEmail(@ValidBody() body: ValidateUserEmailJsonV600): Promise<ValidateUserEmailResponseJsonV600> {
    const token = body.token.trim();
    if (!token) throw ObpException.of('InvalidJsonFormat', 'Token cannot be empty');
    return toResponse(await this.validation.validate(token));
  }
}

const PAGE = (title: string, text: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;

/** OBP's validation page, the link in the validation e-mail: /user_mgt/validate_user/TOKEN (outside /obp). */
@NonObpRoute()
@ApiExcludeController()
@Controller('user_mgt/validate_user')
export class EmailValidationPageController {
  constructor(private readonly validation: EmailValidationService) {}

  @Get(':token')
  async validateUser(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.type('text/html; charset=utf-8');
    try {
      await this.validation.validate(token);
      return PAGE('E-mail address validated', 'Thank you: your e-mail address has been validated. You can close this page.');
    } catch (error) {
      if (!(error instanceof ObpException)) throw error;
      reply.status(error.status);
      return PAGE('Invalid validation link', 'This validation link is invalid, has already been used or has expired.');
    }
  }
}
