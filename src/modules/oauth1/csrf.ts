import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SecretBox } from './secret-box.service';

const COOKIE = 'obp_oauth_csrf';

/**
 * CSRF protection for the login form: a random cookie (HttpOnly, SameSite=Strict, path /oauth,
 * Secure over https)
 * and, in the form, an HMAC of that cookie and the request token. Another site can make a browser
 * post the form but cannot read the cookie, so it cannot produce the matching field. The HMAC key
 * is shared by every instance (SecretBox), so the form may be posted to another instance.
 */
@Injectable()
export class CsrfGuardian {
  constructor(private readonly secrets: SecretBox) {}

  /** `secure`: the page was reached over https, so the browser must never send the cookie over plain http. */
  issueCookie(reply: FastifyReply, secure: boolean): string {
    const value = randomBytes(24).toString('base64url');
    reply.header('Set-Cookie', `${COOKIE}=${value}; Path=/oauth; HttpOnly; SameSite=Strict; Max-Age=1800${secure ? '; Secure' : ''}`);
    return value;
  }

  cookieOf(request: FastifyRequest): string | undefined {
    const header = request.headers.cookie ?? '';
    const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([A-Za-z0-9_-]+)`).exec(header);
    return match?.[1];
  }

  tokenFor(cookie: string, oauthToken: string): string {
    return this.secrets.mac(`csrf|${cookie}|${oauthToken}`);
  }

  matches(cookie: string, oauthToken: string, presented: string): boolean {
    const expected = Buffer.from(this.tokenFor(cookie, oauthToken));
    const actual = Buffer.from(presented);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
