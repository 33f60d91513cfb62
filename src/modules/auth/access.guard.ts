import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { AuthGuard, type IAuthGuard } from '@nestjs/passport';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../../common/auth/auth-context';
import type { AuthenticatedRequest } from '../../common/auth/current-auth.decorator';
import { NON_OBP_ROUTE } from '../../common/auth/non-obp-route.decorator';
import { assertRoles } from '../../common/auth/role-check';
import { OBP_ENDPOINT, obpFunctionName, type ObpEndpointMetadata } from '../../common/endpoint/obp-endpoint.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { clientAddress, TrustedProxies } from '../../common/http/client-address';
import { refusedBodyOf, takesBody } from '../../common/http/input-limits';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BankLookupService } from '../banks/bank-lookup.service';
import { AuthContextService } from './auth-context.service';
import { DirectLoginTokenVerifier } from './directlogin-token-verifier';
import { OidcUserService } from './oidc-user.service';
import { presentedCredentials } from './strategies/credentials';
import { AUTH_SERVICES, type RequestWithAuthServices } from './strategies/request-services';
import { TOKEN_ALGORITHM } from './token.service';
import { RateLimitExceeded, RateLimitsService } from '../rate-limits/rate-limits.service';
import { OIDC_STRATEGY } from './strategies/oidc-jwt.strategy';
import { OAuth1Failure } from '../oauth1/oauth1-failure';
import { OAuth1Verifier, type VerifiedRequest } from '../oauth1/oauth1-verifier.service';

type Request = FastifyRequest & AuthenticatedRequest;

/**
 * The global guard: authenticate (401) -> feature gate (400) -> bank exists (400/404) -> roles (403), in OBP's order
 * (roles before bank where the endpoint says so),
 * from the route's @ObpEndpoint declaration. Fails closed: a route with no declaration is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  /** passport, for OIDC bearer tokens only; undefined when OAuth2 bearer login is not configured. */
  private readonly oidcPassport: IAuthGuard | undefined;
  private oauth1: OAuth1Verifier | undefined;
  /** @ObpEndpoint per handler; null: the handler has none. */
  private readonly endpoints = new WeakMap<object, ObpEndpointMetadata | null>();

  constructor(
    private readonly reflector: Reflector,
    private readonly banks: BankLookupService,
    private readonly tokens: DirectLoginTokenVerifier,
    private readonly contexts: AuthContextService,
    private readonly moduleRef: ModuleRef,
    private readonly rateLimits: RateLimitsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.oidcPassport = config.auth.oauth2 ? createOidcPassportGuard() : undefined;
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const endpoint = this.endpointOf(context.getHandler());
    if (!endpoint) return this.nonObpRoute(context);
    const request = context.switchToHttp().getRequest<Request>();
    const bankId = (request.params as Record<string, string> | undefined)?.BANK_ID;

    // The hot path: a remembered token whose auth context is cached and a known bank decide
    // without a promise (Nest takes a guard's boolean as it is; each awaited step costs an async
    // frame and a microtask, about 4 µs per request under load). Only call counting then waits.
    const known = this.knownAuthentication(request);
    if (known && (bankId === undefined || this.banks.isKnown(bankId))) {
      request.auth = known.context;
      this.requireLogin(endpoint, request);
      if (!this.rateLimits.enabled) return this.authorizeKnown(context, request, endpoint, bankId);
      return this.countCall(context, request, endpoint).then(() => this.authorizeKnown(context, request, endpoint, bankId));
    }
    return this.checkAccess(context, request, endpoint, bankId);
  }

  /** The checks after counting, for a caller and bank already known: feature gate, roles, a refused body. */
  private authorizeKnown(context: ExecutionContext, request: Request, endpoint: ObpEndpointMetadata, bankId: string | undefined): true {
    this.checkFeatureGate(endpoint);
    this.checkRoles(endpoint, request, bankId);
    throwRefusedBody(context, request);
    return true;
  }

  /** The same checks in the same order, awaiting the database, the bank lookup or the call counter. */
  private async checkAccess(context: ExecutionContext, request: Request, endpoint: ObpEndpointMetadata, bankId: string | undefined): Promise<boolean> {
    request.auth = await this.authenticate(context, request);
    this.requireLogin(endpoint, request);
    if (this.rateLimits.enabled) await this.countCall(context, request, endpoint);
    this.checkFeatureGate(endpoint);
    if (endpoint.rolesBeforeBank) this.checkRoles(endpoint, request, bankId);
    if (bankId !== undefined) await this.banks.assertExists(bankId);
    if (!endpoint.rolesBeforeBank) this.checkRoles(endpoint, request, bankId);
    throwRefusedBody(context, request);
    return true;
  }

  /** The route's @ObpEndpoint declaration, read once per handler (Reflect metadata lookups cost on every call). */
  private endpointOf(handler: object): ObpEndpointMetadata | undefined {
    let endpoint = this.endpoints.get(handler);
    if (endpoint === undefined) {
      endpoint = this.reflector.get<ObpEndpointMetadata | undefined, string>(OBP_ENDPOINT, handler as () => unknown) ?? null;
      this.endpoints.set(handler, endpoint);
    }
    return endpoint ?? undefined;
  }

  private requireLogin(endpoint: ObpEndpointMetadata, request: Request): void {
    if (endpoint.access.kind !== 'public' && !request.auth) throw ObpException.of('UserNotLoggedIn');
  }

  private checkFeatureGate(endpoint: ObpEndpointMetadata): void {
    if (endpoint.featureGate && !this.config.features[endpoint.featureGate.flag]) throw ObpException.of(endpoint.featureGate.error);
  }

  private checkRoles(endpoint: ObpEndpointMetadata, request: Request, bankId: string | undefined): void {
    if (endpoint.access.kind === 'roles') assertRoles(request.auth as AuthContext, endpoint.access, bankId, this.config.scopes);
  }

  /**
   * The caller's auth context when it can be told without waiting: no credentials (anonymous),
   * or this server's token (verified, or remembered) whose context is cached. Undefined sends the
   * request down the awaiting path, which also answers every refusal (malformed, unsupported).
   */
  private knownAuthentication(request: Request): { context: AuthContext | undefined } | undefined {
    const credentials = presentedCredentials(request);
    if (credentials.kind === 'none') return { context: undefined };
    const ownToken = credentials.kind === 'directlogin-token' || (credentials.kind === 'bearer' && credentials.algorithm === TOKEN_ALGORITHM);
    if (!ownToken) return undefined;
    const { userId, consumerId } = this.tokens.verify(credentials.token);
    const context = this.contexts.cached(userId, consumerId);
    return context ? { context } : undefined;
  }

  /** After authentication, as OBP: 429 OBP-10018 over the limit; X-Rate-Limit-* headers either way. */
  private async countCall(context: ExecutionContext, request: Request, endpoint: ObpEndpointMetadata): Promise<void> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    try {
      const headers = await this.rateLimits.check({
        consumerId: request.auth?.consumer?.consumerId,
        clientIp: clientAddress(request, TrustedProxies.of(this.config.trustedProxies)),
        apiVersion: /^\/obp\/(v\d+\.\d+\.\d+)\//.exec(request.url)?.[1] ?? '',
        apiName: obpFunctionName(endpoint.operationId),
      });
      if (headers) reply.headers(headers);
    } catch (error) {
      if (error instanceof RateLimitExceeded) reply.headers(error.headers);
      throw error;
    }
  }

  /** Only registered when OAuth2 bearer login is configured. */
  private get oidcUsers(): OidcUserService | undefined {
    return this.config.auth.oauth2 ? this.moduleRef.get(OidcUserService, { strict: false }) : undefined;
  }

  /** Credentials are optional, but once sent they must be valid (OBP's anonymousAccess). */
  private async authenticate(context: ExecutionContext, request: Request): Promise<AuthContext | undefined> {
    const credentials = presentedCredentials(request);
    switch (credentials.kind) {
      case 'none':
        return undefined;
      case 'unsupported':
        throw ObpException.of('InvalidAuthorizationHeader');
      case 'malformed':
        throw ObpException.of('DirectLoginInvalidToken');
      case 'directlogin-token':
        return this.directLogin(credentials.token);
      case 'bearer':
        return credentials.algorithm === TOKEN_ALGORITHM ? this.directLogin(credentials.token) : this.oidcBearer(context, request);
      case 'oauth1':
        return this.oauth1Signed(request);
    }
  }

  /**
   * A call signed with an OAuth 1.0a access token: the signature, timestamp and nonce are checked,
   * then the token's user and consumer resolve as a DirectLogin token's do (a locked or deleted
   * user, a disabled consumer: refused at once).
   */
  private async oauth1Signed(request: Request): Promise<AuthContext> {
    const verifier = (this.oauth1 ??= this.moduleRef.get<OAuth1Verifier>(OAuth1Verifier, { strict: false }));
    let verified: VerifiedRequest;
    try {
      verified = await verifier.verify(request, 'protectedResource');
    } catch (error) {
      if (error instanceof OAuth1Failure) throw ObpException.of('OAuth1RequestRefused', error.message, error.status);
      throw error;
    }
    return this.contexts.resolve(verified.token?.userId as string, verified.consumer.consumerId);
  }

  /**
   * This server's own tokens: verified without passport (the hot path), then the user, consumer
   * and roles. A database failure in that lookup propagates as 500 OBP-50000: the token may well
   * be valid, so 401 would tell the client to log in again for nothing.
   */
  private directLogin(token: string): Promise<AuthContext> {
    const { userId, consumerId } = this.tokens.verify(token);
    return this.contexts.resolve(userId, consumerId);
  }

  /** A foreign bearer token (RS256/ES256): the OIDC provider's, verified through passport when configured. */
  private async oidcBearer(context: ExecutionContext, request: Request): Promise<AuthContext | undefined> {
    if (!this.oidcPassport) throw ObpException.of('DirectLoginInvalidToken');
    (request as RequestWithAuthServices)[AUTH_SERVICES] = { oidcUsers: this.oidcUsers };
    await this.oidcPassport.canActivate(context);
    return (request as Request & { user?: AuthContext }).user;
  }

  private nonObpRoute(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(NON_OBP_ROUTE, [context.getHandler(), context.getClass()])) {
      throwRefusedBody(context, context.switchToHttp().getRequest<Request>());
      return true;
    }
    this.logger.error(`Refusing ${context.getClass().name}.${context.getHandler().name}: no @ObpEndpoint or @NonObpRoute`);
    throw ObpException.of('UnknownError', undefined, 500);
  }
}

/**
 * A body the parser refused is answered now, after the access checks, by an endpoint that reads a
 * body; every other endpoint ignores it, as OBP never reads it (see refusedBodyOf).
 */
function throwRefusedBody(context: ExecutionContext, request: Request): void {
  const refused = refusedBodyOf(request);
  if (refused && takesBody(context.getClass(), context.getHandler())) throw refused;
}

/**
 * The OIDC strategy through @nestjs/passport. A token passport-jwt refuses (signature, issuer,
 * audience, expiry, unknown key) arrives as no user: OBP's 401. An error arrives only from the
 * strategy's validate: an ObpException is the answer itself; anything else is the server failing
 * (the database, say), answered 500 like DirectLogin, because 401 would tell the client to log in
 * again for nothing.
 */
function createOidcPassportGuard(): IAuthGuard {
  class OidcPassportGuard extends AuthGuard(OIDC_STRATEGY) {
    handleRequest<T>(error: unknown, user: T | false): T {
      if (error) throw error as Error;
      if (user) return user;
      throw ObpException.of('Oauth2JwtCannotBeVerified');
    }
  }
  return new OidcPassportGuard();
}
