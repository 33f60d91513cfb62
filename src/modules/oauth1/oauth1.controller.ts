import { Controller, Delete, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NonObpRoute } from '../../common/auth/non-obp-route.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { clientAddress, TrustedProxies } from '../../common/http/client-address';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { DirectLoginService } from '../auth/direct-login.service';
import { LoginThrottled } from '../login-security/login-throttle.service';
import { OAuth1Failure } from './oauth1-failure';
import { OAuth1HandshakeService, OUT_OF_BAND, type IssuedToken, type PendingAuthorisation } from './oauth1-handshake.service';
import { errorPage, loginPage, verifierPage } from './oauth1-login-page';
import { CsrfGuardian } from './csrf';
import { signedBaseUri } from './oauth1-request';
import { ValidBody } from '../../common/http/valid-body';

const FORM = 'application/x-www-form-urlencoded';

interface LoginForm {
  oauth_token?: string;
  csrf_token?: string;
  username?: string;
  password?: string;
}

/**
 * OAuth 1.0a (RFC 5849) at OBP's root paths. The handshake answers are form-encoded, errors plain
 * text with OBP's status and wording, as OAuth client libraries expect; the login page is HTML.
 */
@NonObpRoute()
@ApiTags('OAuth')
@Controller('oauth')
export class OAuth1Controller {
  constructor(
    private readonly handshake: OAuth1HandshakeService,
    private readonly logins: DirectLoginService,
    private readonly csrf: CsrfGuardian,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('initiate')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'OAuth1-initiate',
    summary: 'OAuth 1.0a: get a request token',
    description: 'Signed with the consumer key and secret (`Authorization: OAuth ...`, HMAC-SHA1 or HMAC-SHA256), with `oauth_callback` (a URL, or `oob`).',
  })
  @ApiProduces(FORM)
  @ApiResponse({ status: 200, description: 'oauth_token=...&oauth_token_secret=...&oauth_callback_confirmed=true' })
  async initiate(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answerForm(
      reply,
      () => this.handshake.requestToken(request),
      (issued) => formBody(issued, true),
    );
  }

  @Post('token')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'OAuth1-token',
    summary: 'OAuth 1.0a: exchange the authorised request token for an access token',
    description: 'Signed with the consumer secret and the request token secret, with `oauth_token` and `oauth_verifier`.',
  })
  @ApiProduces(FORM)
  @ApiResponse({ status: 200, description: 'oauth_token=...&oauth_token_secret=...' })
  async token(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answerForm(
      reply,
      () => this.handshake.accessToken(request),
      (issued) => formBody(issued, false),
    );
  }

  @Delete('token')
  @ApiOperation({ operationId: 'OAuth1-revokeToken', summary: 'OAuth 1.0a: revoke the access token the request is signed with' })
  @ApiResponse({ status: 204, description: 'Revoked' })
  async revoke(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answerForm(
      reply,
      () => this.handshake.revoke(request),
      () => '',
      204,
    );
  }

  @Get('authorize')
  @ApiExcludeEndpoint()
  async authorizePage(@Query('oauth_token') oauthToken: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    let pending: PendingAuthorisation;
    try {
      pending = await this.handshake.pending(oauthToken);
    } catch (error) {
      return this.failurePage(reply, error);
    }
    const cookie = this.csrf.issueCookie(reply, this.cameOverHttps(request));
    this.sendHtml(
      reply,
      200,
      loginPage({ appName: pending.consumer.appName, oauthToken: oauthToken as string, csrfToken: this.csrf.tokenFor(cookie, oauthToken as string) }),
    );
  }

  @Post('authorize')
  @ApiExcludeEndpoint()
  async authorize(@Req() request: FastifyRequest, @ValidBody() form: LoginForm | undefined, @Res() reply: FastifyReply): Promise<void> {
    const oauthToken = form?.oauth_token ?? '';
    const cookie = this.csrf.cookieOf(request);
    if (!cookie || !this.csrf.matches(cookie, oauthToken, form?.csrf_token ?? '')) {
      return this.sendHtml(reply, 403, errorPage('The login form expired or did not come from this server. Go back to the application and start again.'));
    }
    let pending: PendingAuthorisation;
    try {
      pending = await this.handshake.pending(oauthToken);
    } catch (error) {
      return this.failurePage(reply, error);
    }
    let userId: string;
    try {
      userId = await this.logins.verifyCredentials(
        form?.username ?? '',
        form?.password ?? '',
        clientAddress(request, TrustedProxies.of(this.config.trustedProxies)),
      );
    } catch (error) {
      if (!(error instanceof ObpException)) throw error;
      const status = error.status;
      if (status >= 500) throw error;
      if (error instanceof LoginThrottled) reply.headers(error.headers);
      const model = {
        appName: pending.consumer.appName,
        oauthToken,
        csrfToken: this.csrf.tokenFor(cookie, oauthToken),
        username: form?.username,
        error: error.message,
      };
      return this.sendHtml(reply, status === 429 ? 429 : 200, loginPage(model));
    }
    let verifier: string;
    try {
      verifier = await this.handshake.authorise(pending, userId);
    } catch (error) {
      return this.failurePage(reply, error);
    }
    const callback = pending.token.callback as string;
    if (callback === OUT_OF_BAND) return this.sendHtml(reply, 200, verifierPage(pending.consumer.appName, verifier));
    const target = new URL(callback);
    target.searchParams.set('oauth_token', oauthToken);
    target.searchParams.set('oauth_verifier', verifier);
    reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer').redirect(target.toString(), 302);
  }

  /** https on the socket, or from a trusted proxy's X-Forwarded-Proto: the same rule as the signed URL's scheme. */
  private cameOverHttps(request: FastifyRequest): boolean {
    return signedBaseUri(request, this.config.trustedProxies).startsWith('https://');
  }

  private async answerForm<T>(reply: FastifyReply, run: () => Promise<T>, body: (value: T) => string, status = 200): Promise<void> {
    reply.header('Cache-Control', 'no-store').type(FORM);
    try {
      const value = await run();
      reply.status(status).send(body(value));
    } catch (error) {
      if (!(error instanceof OAuth1Failure)) throw error;
      reply.status(error.status).send(error.message);
    }
  }

  private failurePage(reply: FastifyReply, error: unknown): void {
    if (!(error instanceof OAuth1Failure)) throw error;
    // OBP shows these in the page with 200; a client error status says the same to a machine.
    this.sendHtml(reply, error.status, errorPage(error.message));
  }

  private sendHtml(reply: FastifyReply, status: number, html: string): void {
    reply
      .status(status)
      .header('Cache-Control', 'no-store')
      .header('Referrer-Policy', 'no-referrer')
      .header('X-Frame-Options', 'DENY')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")
      .type('text/html; charset=utf-8')
      .send(html);
  }
}

function formBody(issued: IssuedToken, confirmCallback: boolean): string {
  const parts = new URLSearchParams({ oauth_token: issued.token, oauth_token_secret: issued.secret });
  if (confirmCallback) parts.set('oauth_callback_confirmed', 'true');
  return parts.toString();
}
