import { applyDecorators, Controller, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { obpErrorResponses } from '../../common/endpoint/obp-endpoint.decorator';
import type { ObpErrorName } from '../../common/errors/error-catalogue';
import type { HeaderBag } from '../../common/auth/direct-login-header';
import { NonObpRoute } from '../../common/auth/non-obp-route.decorator';
import { LoginThrottled } from '../login-security/login-throttle.service';
import { DirectLoginService } from './direct-login.service';
import { exampleOfDto } from '../../common/openapi/dto-example';
import { clientAddress, TrustedProxies } from '../../common/http/client-address';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

export class DirectLoginTokenJson {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjaWQiOiIuLi4ifQ.signature' })
  token: string;
}

/** What a login can answer besides 201, grouped by status for the OpenAPI document. */
const LOGIN_ERRORS: ObpErrorName[] = [
  'MissingDirectLoginHeader',
  'InvalidDirectLoginHeader',
  'DirectLoginMissingParameters',
  'InvalidValueLength',
  'InvalidValueCharacters',
  'ConsumerKeyIsToLong',
  'ConsumerKeyIsInvalid',
  'InvalidConsumerKey',
  'InvalidLoginCredentials',
  'UsernameHasBeenLocked',
  'TooManyRequests',
];

/** DirectLogin lives at the root path, outside /obp/vX.Y.Z, as in OBP. It authenticates itself. */
@NonObpRoute()
@ApiTags('DirectLogin')
@Controller('my/logins')
export class DirectLoginController {
  constructor(
    private readonly directLogin: DirectLoginService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('direct')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'DirectLogin-createToken',
    summary: 'DirectLogin: get a token',
    description:
      'Send `DirectLogin: username=..., password=..., consumer_key=...` (or the deprecated ' +
      '`Authorization: DirectLogin ...`). Use the returned token as `DirectLogin: token=...` or `Authorization: Bearer ...`. ' +
      'After OBP_MAX_BAD_LOGIN_ATTEMPTS failures the account is locked for a while (401 OBP-20013); too many failed logins from one ' +
      'client IP or for one username within OBP_LOGIN_THROTTLE_WINDOW_SECONDS answer 429 OBP-10018 with Retry-After.',
  })
  @ApiHeader({ name: 'DirectLogin', required: false, example: 'username=jane, password=..., consumer_key=...' })
  @ApiCreatedResponse({ type: DirectLoginTokenJson, example: exampleOfDto(DirectLoginTokenJson) })
  @applyDecorators(...obpErrorResponses(LOGIN_ERRORS))
  async createToken(
    @Headers() headers: HeaderBag,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DirectLoginTokenJson> {
    try {
      return { token: await this.directLogin.login(headers, clientAddress(request, TrustedProxies.of(this.config.trustedProxies))) };
    } catch (error) {
      if (error instanceof LoginThrottled) reply.headers(error.headers);
      throw error;
    }
  }
}
