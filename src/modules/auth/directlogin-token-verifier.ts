import { Injectable } from '@nestjs/common';
import { verify } from 'jsonwebtoken';
import { BoundedMap } from '../../common/bounded-map';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/http/ids';
import { TOKEN_ALGORITHM, TokenService } from './token.service';

/** Whose token it is: the user (sub) and the consumer it was issued to (cid). */
export interface TokenSubject {
  userId: string;
  consumerId: string;
}

interface RememberedToken extends TokenSubject {
  /** exp in milliseconds: the token is valid strictly before it, as jsonwebtoken decides. */
  expiresAt: number;
}

/** Verified tokens remembered at most; the oldest is forgotten first (it is then verified again). */
export const REMEMBERED_TOKENS = 10_000;

/**
 * Verifies this server's DirectLogin tokens (HS256 JWTs, also sent as `Authorization: Bearer`)
 * without passport: passport built a strategy run and several closures per request for what is a
 * single HMAC check. A verified token is remembered until its expiry, so a client's repeated
 * calls skip even that; only tokens that passed verification are remembered (a forged token
 * cannot fill the map), and the map is bounded.
 *
 * What is remembered never changes while the token lives (signature, issuer, subject, consumer):
 * revocation (locked or deleted user, disabled consumer) is decided afterwards, on every call,
 * by AuthContextService.
 */
@Injectable()
export class DirectLoginTokenVerifier {
  private readonly remembered = new BoundedMap<string, RememberedToken>(REMEMBERED_TOKENS);

  constructor(private readonly tokens: TokenService) {}

  /** The token's subject; 401 OBP-20003 for a tampered, foreign, expired, non-expiring or incomplete token. */
  verify(token: string): TokenSubject {
    const known = this.remembered.get(token);
    if (known) {
      if (Date.now() < known.expiresAt) return known;
      this.remembered.delete(token);
      throw ObpException.of('DirectLoginInvalidToken');
    }
    const claims = this.verifySignature(token);
    // Every token issued here has an issuer, a user id, a consumer id and an expiry: a correctly
    // signed token without them (a leaked key, an old format) is refused, never looked up.
    if (
      claims.iss !== this.tokens.issuer ||
      typeof claims.sub !== 'string' ||
      !isUuid(claims.sub) ||
      typeof claims.cid !== 'string' ||
      !isUuid(claims.cid) ||
      typeof claims.exp !== 'number' ||
      !Number.isFinite(claims.exp)
    ) {
      throw ObpException.of('DirectLoginInvalidToken');
    }
    const subject = { userId: claims.sub, consumerId: claims.cid };
    this.remembered.set(token, { ...subject, expiresAt: claims.exp * 1000 });
    return subject;
  }

  private verifySignature(token: string): { sub?: unknown; cid?: unknown; iss?: unknown; exp?: unknown } {
    try {
      const payload = verify(token, this.tokens.verificationKey, { algorithms: [TOKEN_ALGORITHM] });
      if (typeof payload === 'object' && payload !== null) return payload;
    } catch {
      // bad signature, wrong algorithm, expired, not yet valid or not a JWT: all the same to the caller
    }
    throw ObpException.of('DirectLoginInvalidToken');
  }
}
