/**
 * What of a URL may reach the log, declared in one place. Every log line that shows a URL (the
 * request line of request-logging.ts, the exception filter's line, any `url` field) goes through
 * redactUrl():
 *
 * - Query strings: values are never logged, whatever the parameter (OAuth 1.0a's oauth_token,
 *   oauth_verifier, oauth_signature, OAuth2 codes, anything a future endpoint adds); names stay.
 * - Paths: a segment that is a secret (an invitation secret, an e-mail validation token) is
 *   replaced by [REDACTED]. Secret segments are declared, never guessed per call site:
 *   1. SECRET_PATH_ROUTES below, for routes outside @ObpEndpoint (web pages such as OBP's
 *      /user_mgt/validate_user/TOKEN);
 *   2. @ObpEndpoint paths: a parameter whose name looks secret (SECRET_LINK, *TOKEN*, ...) is
 *      secret automatically, and `secretParams` marks any other. The decorator registers them here
 *      when the class is loaded, before the app starts.
 *   Patterns match the segment after the route's last literal segment anywhere in the path, so a
 *   mistyped version, an extra segment or a 404 on the same shape is redacted too.
 */

export const REDACTED = '[REDACTED]';

/** Parameter names that are secrets by their name alone (OBP style UPPER_CASE or :camelCase). */
const SECRET_PARAMETER_NAME = /secret|token|password|passcode|verifier|signature|challenge|otp|nonce/i;

/** Routes outside @ObpEndpoint whose parameters are secrets (Nest route syntax). */
const SECRET_PATH_ROUTES: readonly string[] = [
  // OBP's e-mail validation page (the link in the validation e-mail)
  'user_mgt/validate_user/:token',
  // OBP's password reset page, should it ever be served
  'user_mgt/reset_password/:token',
];

const patterns: RegExp[] = [];
const registered = new Set<string>();

/** True when a route parameter is a secret by its name. */
export function isSecretParameterName(name: string): boolean {
  return SECRET_PARAMETER_NAME.test(name);
}

/**
 * Declares the secret parameters of a route ("banks/:BANK_ID/user-invitations/:SECRET_LINK"):
 * those named in `secretParams` and those whose name looks secret.
 */
export function registerSecretRoute(routePath: string, secretParams: readonly string[] = []): void {
  const segments = routePath.split('/').filter((segment) => segment.length > 0);
  segments.forEach((segment, index) => {
    if (!segment.startsWith(':')) return;
    const name = segment.slice(1);
    if (!secretParams.includes(name) && !isSecretParameterName(name)) return;
    const key = `${segments.slice(0, index + 1).join('/')}`;
    if (registered.has(key)) return;
    registered.add(key);
    patterns.push(patternFor(segments, index));
  });
}

/** `/<last literal before the secret>(/<one segment per parameter in between>)/(secret)` anywhere in the path. */
function patternFor(segments: string[], secretIndex: number): RegExp {
  let literal = secretIndex - 1;
  while (literal >= 0 && segments[literal].startsWith(':')) literal--;
  const between = secretIndex - literal - 1;
  const prefix = literal >= 0 ? `/${escapeRegExp(segments[literal])}` : '';
  return new RegExp(`(${prefix}(?:/[^/?#]*){${between}}/)([^/?#]+)`, 'g');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

for (const route of SECRET_PATH_ROUTES) registerSecretRoute(route);

/** The URL as a log line may show it: secret path segments replaced, query values dropped. */
export function redactUrl(url: unknown): unknown {
  if (typeof url !== 'string') return url;
  const queryAt = url.indexOf('?');
  let path = queryAt < 0 ? url : url.slice(0, queryAt);
  for (const pattern of patterns) path = path.replace(pattern, `$1${REDACTED}`);
  if (queryAt < 0) return path;
  const names = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => pair.split('=')[0]);
  return `${path}?${names.map((name) => `${name}=…`).join('&')}`;
}
