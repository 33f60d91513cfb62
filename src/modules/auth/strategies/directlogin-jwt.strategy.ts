import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-jwt';
import type { AuthContext } from '../../../common/auth/auth-context';
import { AuthContextService } from '../auth-context.service';
import { TOKEN_ALGORITHM, TokenService } from '../token.service';
import { presentedCredentials } from './credentials';

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
  constructor(
    tokens: TokenService,
    private readonly contexts: AuthContextService,
  ) {
    super({
      jwtFromRequest: extractOwnToken as never,
      // The key is loaded in TokenService.onModuleInit, after this constructor runs. jsonwebtoken
      // accepts a KeyObject; passport-jwt's typings only know strings and Buffers.
      secretOrKeyProvider: (_request, _token, done) => done(null, tokens.verificationKey as unknown as Buffer),
      algorithms: [TOKEN_ALGORITHM],
      issuer: tokens.issuer,
    });
  }

  async validate(payload: { sub?: unknown; cid?: unknown }): Promise<AuthContext> {
    if (typeof payload.sub !== 'string' || typeof payload.cid !== 'string') {
      throw new Error('token without subject or consumer');
    }
    return this.contexts.resolve(payload.sub, payload.cid);
  }
}
