import { randomBytes, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OAuth1Failure } from './oauth1-failure';
import { OAuth1Repository, type OAuth1Consumer, type StoredToken } from './oauth1.repository';
import type { OAuth1HttpRequest } from './oauth1-request';
import { OAuth1Verifier } from './oauth1-verifier.service';
import { SecretBox, tokenDigest } from './secret-box.service';

/** OBP's request-token lifetime. */
export const REQUEST_TOKEN_SECONDS = 30 * 60;
export const OUT_OF_BAND = 'oob';
/** This server's own text: OBP has no such error (it shows the verifier again). */
const ALREADY_AUTHORISED = 'This token has already been authorised.';

export interface IssuedToken {
  token: string;
  secret: string;
}

/** A request token that can still be authorised, with its consumer's name for the login page. */
export interface PendingAuthorisation {
  token: StoredToken;
  consumer: OAuth1Consumer;
}

/** 40 random alphanumerics, as OBP's tokens and secrets. */
function randomToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(40), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Ten random digits: typed by hand for "oob"; OBP uses five. */
function randomVerifier(): string {
  return Array.from({ length: 10 }, () => randomInt(10)).join('');
}

/** The three legs: request token, the user's authorisation (login page), access token. */
@Injectable()
export class OAuth1HandshakeService {
  private lastCleanup = 0;

  constructor(
    private readonly verifier: OAuth1Verifier,
    private readonly repository: OAuth1Repository,
    private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** POST /oauth/initiate */
  async requestToken(request: OAuth1HttpRequest): Promise<IssuedToken> {
    const { parameters, consumer } = await this.verifier.verify(request, 'requestToken');
    const callback = parameters.oauth_callback as string;
    if (!callbackAllowed(callback, consumer.redirectUrl))
      throw new OAuth1Failure(400, 'Invalid oauth_callback: it must be oob or the redirect URL registered for the consumer');
    return this.issue('request', consumer.consumerId, null, callback, REQUEST_TOKEN_SECONDS);
  }

  /**
   * GET /oauth/authorize: the request token behind the page, or the page's error in OBP's words
   * (OAuthAuthorisation.tokenCheck). An expired token reads "Token expired" until the periodic
   * cleanup deletes it, then "This token does not exist", as in OBP.
   */
  async pending(token: string | undefined): Promise<PendingAuthorisation> {
    if (!token) throw new OAuth1Failure(400, 'There is no Token.');
    const stored = await this.repository.find('request', tokenDigest(token), { includeExpired: true });
    if (!stored) throw new OAuth1Failure(400, 'This token does not exist');
    if (stored.expired) throw new OAuth1Failure(400, 'Token expired');
    // OBP shows the same verifier again; here it is kept only as a hash, so it cannot be (docs/COMPATIBILITY.md).
    if (stored.verifierHash) throw new OAuth1Failure(400, ALREADY_AUTHORISED);
    const consumer = await this.repository.consumerById(stored.consumerId);
    if (!consumer?.enabled) throw new OAuth1Failure(400, 'Application not found');
    return { token: stored, consumer };
  }

  /** The user logged in on the page: binds the token to them once and returns the verifier. */
  async authorise(pending: PendingAuthorisation, userId: string): Promise<string> {
    const verifier = randomVerifier();
    if (!(await this.repository.authorise(pending.token.tokenId, userId, tokenDigest(verifier)))) {
      throw new OAuth1Failure(400, ALREADY_AUTHORISED);
    }
    return verifier;
  }

  /** POST /oauth/token: the request token is spent whatever happens next (single use). */
  async accessToken(request: OAuth1HttpRequest): Promise<IssuedToken> {
    const { consumer, token, parameters } = await this.verifier.verify(request, 'accessToken');
    const requestToken = token as StoredToken;
    if (!(await this.repository.consume(requestToken.tokenId))) throw new OAuth1Failure(401, `Invalid or expired request token: ${parameters.oauth_token}`);
    return this.issue('access', consumer.consumerId, requestToken.userId, null, this.config.auth.tokenExpirationWeeks * 7 * 24 * 3600);
  }

  /** DELETE /oauth/token, signed with the access token itself: revokes it. */
  async revoke(request: OAuth1HttpRequest): Promise<void> {
    const { token } = await this.verifier.verify(request, 'protectedResource');
    await this.repository.consume((token as StoredToken).tokenId);
  }

  private async issue(
    kind: 'request' | 'access',
    consumerId: string,
    userId: string | null,
    callback: string | null,
    lifetimeSeconds: number,
  ): Promise<IssuedToken> {
    if (Date.now() - this.lastCleanup > 60_000) {
      this.lastCleanup = Date.now();
      await this.repository.deleteExpired();
    }
    const token = randomToken();
    const secret = randomToken();
    await this.repository.insert({
      kind,
      tokenHash: tokenDigest(token),
      secretSealed: this.secrets.seal(secret),
      consumerId,
      userId,
      callback,
      lifetimeSeconds,
    });
    return { token, secret };
  }
}

/**
 * "oob", or an absolute http(s) URL; where the consumer registered a redirect URL, the callback
 * must have its scheme, host, port and path (its own query may differ).
 */
export function callbackAllowed(callback: string, registered: string): boolean {
  if (callback === OUT_OF_BAND) return true;
  const url = parseHttpUrl(callback);
  if (!url) return false;
  if (!registered) return true;
  const allowed = parseHttpUrl(registered);
  return allowed !== undefined && url.origin === allowed.origin && url.pathname === allowed.pathname;
}

function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
