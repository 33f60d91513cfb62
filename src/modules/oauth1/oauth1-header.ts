/**
 * The OAuth 1.0a protocol parameters of an `Authorization: OAuth ...` header, read as OBP reads them:
 * only the nine protocol parameters are kept (empty values dropped), a name sent twice is refused,
 * and values are percent-decoded (RFC 5849 §3.5.1). OBP strips every space before splitting, so
 * `oauth_nonce = "x"` and `oauth_nonce="x"` both work.
 */
export const OAUTH_PARAMETER_NAMES = [
  'oauth_consumer_key',
  'oauth_nonce',
  'oauth_signature_method',
  'oauth_timestamp',
  'oauth_version',
  'oauth_signature',
  'oauth_callback',
  'oauth_token',
  'oauth_verifier',
] as const;

export type OAuthParameterName = (typeof OAUTH_PARAMETER_NAMES)[number];
export type OAuthParameters = Partial<Record<OAuthParameterName, string>>;

const KNOWN = new Set<string>(OAUTH_PARAMETER_NAMES);

/** The parameters (the last value of a repeated one), and whether any name was repeated (OBP checks that after "missing"). */
export interface HeaderReading {
  parameters: OAuthParameters;
  duplicated: boolean;
}

export function isOAuthHeader(authorization: string | undefined): authorization is string {
  return authorization !== undefined && /^OAuth\s/.test(authorization);
}

export function readOAuthHeader(authorization: string): HeaderReading {
  const parameters: OAuthParameters = {};
  const seen = new Set<string>();
  let duplicated = false;
  const cleaned = authorization.replace(/^OAuth/, '').replace(/\s/g, '');
  for (const pair of cleaned.split(',')) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    const name = pair.slice(0, equals);
    duplicated ||= seen.has(name);
    seen.add(name);
    const value = decode(pair.slice(equals + 1).replace(/"/g, ''));
    if (KNOWN.has(name) && value) parameters[name as OAuthParameterName] = value;
  }
  return { parameters, duplicated };
}

/** A value that is not valid percent-encoding is taken as sent; its signature will not match. */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
