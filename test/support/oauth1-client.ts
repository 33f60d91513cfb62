import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { registerSecret, registerSecretsInPairs } from './run-log';

export type OAuth1Method = 'HMAC-SHA1' | 'HMAC-SHA256';

export interface OAuth1Credentials {
  key: string;
  secret: string;
}

/**
 * A consumer's side of OAuth 1.0a, signed by the oauth-1.0a library (not by this server's code):
 * the Authorization header for a request, with extra protocol parameters (oauth_callback,
 * oauth_verifier) signed and sent in the header as RFC 5849 clients send them, and `form`: the
 * parameters of an application/x-www-form-urlencoded body, signed but sent in the body.
 */
export function oauthHeader(
  consumer: OAuth1Credentials,
  request: { method: string; url: string },
  options: { token?: OAuth1Credentials; extra?: Record<string, string>; form?: Record<string, string>; method?: OAuth1Method; timestamp?: number } = {},
): string {
  const method = options.method ?? 'HMAC-SHA1';
  const algorithm = method === 'HMAC-SHA1' ? 'sha1' : 'sha256';
  const oauth = new OAuth({
    consumer,
    signature_method: method,
    hash_function: (base, key) => createHmac(algorithm, key).update(base).digest('base64'),
  });
  if (options.timestamp !== undefined) oauth.getTimeStamp = () => options.timestamp as number;
  const data = { ...(options.extra ?? {}) };
  const signed = oauth.authorize({ url: request.url, method: request.method, data: { ...data, ...(options.form ?? {}) } }, options.token);
  return oauth.toHeader({ ...signed, ...data }).Authorization;
}

/** A form-encoded handshake answer as an object. */
export function formAnswer(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** The login page as a browser uses it: read the form, post it back with the cookie (no redirect followed). */
export async function logInOnPage(base: string, requestToken: string, username: string, password: string): Promise<Response> {
  registerSecret(requestToken);
  registerSecret(password);
  const page = await fetch(`${base}/oauth/authorize?oauth_token=${encodeURIComponent(requestToken)}`);
  if (page.status !== 200) throw new Error(`login page answered ${page.status}`);
  const html = await page.text();
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const answer = await fetch(`${base}/oauth/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ oauth_token: requestToken, csrf_token: csrf, username, password }),
  });
  // The verifier travels in the redirect (or on the out-of-band page, which the test reads).
  registerSecretsInPairs(answer.headers.get('location') ?? undefined);
  return answer;
}
