import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-jwt';
import type { AuthContext } from '../../../common/auth/auth-context';
import { TOKEN_ALGORITHM } from '../token.service';
import { presentedCredentials } from './credentials';
import { authServicesOf, type RequestWithAuthServices } from './request-services';

export const DIRECTLOGIN_STRATEGY = 'obp-directlogin-jwt';

/** Extracts this server's own HS256 tokens: DirectLogin token=..., or a Bearer token signed with HS256. */
function extractOwnToken(request: FastifyRequest): string | null {
  const credentials = presentedCredentials(request);
  if (credentials.kind === 'directlogin-token') return credentials.token;
  if (credentials.kind === 'bearer' && credentials.algorithm === TOKEN_ALGORITHM) return credentials.token;
  return null;
}

/** passport-jwt verification of DirectLogin tokens, then the revocation-aware context lookup. */
@Injectable()
export class DirectLoginJwtStrategy extends PassportStrategy(Strategy, DIRECTLOGIN_STRATEGY) {
  constructor() {
    super({
      jwtFromRequest: extractOwnToken as never,
      // jsonwebtoken accepts a KeyObject; passport-jwt's typings only know strings and Buffers.
      secretOrKeyProvider: (request, _token, done) =>
        done(null, authServicesOf(request as RequestWithAuthServices).tokens.verificationKey as unknown as Buffer),
      algorithms: [TOKEN_ALGORITHM],
      passReqToCallback: true,
    });
  }

  async validate(request: RequestWithAuthServices, payload: { sub?: unknown; cid?: unknown; iss?: unknown }): Promise<AuthContext> {
    const { tokens, contexts } = authServicesOf(request);
    if (payload.iss !== tokens.issuer) throw new Error('token from another issuer');
    if (typeof payload.sub !== 'string' || typeof payload.cid !== 'string') {
      throw new Error('token without subject or consumer');
    }
    return contexts.resolve(payload.sub, payload.cid);
  }
}
