import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { passportJwtSecret } from 'jwks-rsa';
import { Strategy } from 'passport-jwt';
import type { AuthContext } from '../../../common/auth/auth-context';
import { ObpException } from '../../../common/errors/obp.exception';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { presentedCredentials } from './credentials';
import { authServicesOf, type RequestWithAuthServices } from './request-services';

export const OIDC_STRATEGY = 'obp-oidc-jwt';
const ALGORITHMS = ['RS256', 'ES256'] as const;

function extractForeignBearer(request: FastifyRequest): string | null {
  const credentials = presentedCredentials(request);
  return credentials.kind === 'bearer' && credentials.algorithm !== 'HS256' ? credentials.token : null;
}

interface OidcClaims {
  iss?: unknown;
  sub?: unknown;
  azp?: unknown;
  aud?: unknown;
  email?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  preferred_username?: unknown;
  exp?: unknown;
}

/** Subjects and client ids longer than this, or with control characters, are not ids a provider issues. */
const MAX_ID_LENGTH = 255;
const isSaneId = (value: string) => value.length <= MAX_ID_LENGTH && !/[\u0000-\u001f\u007f]/.test(value);

/**
 * OAuth2/OIDC bearer tokens (RS256/ES256) verified against OBP_OAUTH2_JWK_SET_URL with the
 * configured issuer(s) and audience(s); the user is got-or-created by (iss, sub), the consumer by azp.
 * Registered only when OBP_OAUTH2_JWK_SET_URL is set.
 */
@Injectable()
export class OidcJwtStrategy extends PassportStrategy(Strategy, OIDC_STRATEGY) {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const oauth2 = config.auth.oauth2;
    if (!oauth2) throw new Error('OidcJwtStrategy needs OBP_OAUTH2_JWK_SET_URL');
    super({
      jwtFromRequest: extractForeignBearer as never,
      secretOrKeyProvider: passportJwtSecret({ jwksUri: oauth2.jwkSetUrl, cache: true, rateLimit: true, jwksRequestsPerMinute: 10 }),
      algorithms: [...ALGORITHMS],
      issuer: oauth2.issuers,
      audience: oauth2.audiences,
      passReqToCallback: true,
    });
  }

  async validate(request: RequestWithAuthServices, claims: OidcClaims): Promise<AuthContext> {
    const users = authServicesOf(request).oidcUsers;
    if (!users) throw new Error('bearer login is not configured on this app');
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const iss = text(claims.iss);
    const sub = text(claims.sub);
    if (!iss || !sub) throw ObpException.of('Oauth2JwtCannotBeVerified', 'The token has no iss or sub.');
    // passport-jwt checks exp only when present: a token without one would never expire.
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw ObpException.of('Oauth2JwtCannotBeVerified', 'The token has no exp.');
    const audience = Array.isArray(claims.aud) ? text(claims.aud[0]) : text(claims.aud);
    const clientId = text(claims.azp) ?? audience ?? iss;
    if (!isSaneId(sub) || !isSaneId(clientId)) throw ObpException.of('Oauth2JwtCannotBeVerified', "The token's sub or azp is malformed.");
    return users.contextFor({
      issuer: iss,
      subject: sub,
      clientId,
      email: text(claims.email),
      username: text(claims.preferred_username),
      firstName: text(claims.given_name),
      lastName: text(claims.family_name),
    });
  }
}
