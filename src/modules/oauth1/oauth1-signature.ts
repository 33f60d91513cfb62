import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 5849 §3.6: RFC 3986 unreserved characters stay, everything else is %XX (upper-case hex, UTF-8). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

export type SignatureMethod = 'HMAC-SHA1' | 'HMAC-SHA256';

export function signatureMethodOf(value: string): SignatureMethod | undefined {
  const upper = value.toUpperCase();
  return upper === 'HMAC-SHA1' || upper === 'HMAC-SHA256' ? upper : undefined;
}

/**
 * RFC 5849 §3.4.1: METHOD & encode(base URI) & encode(normalised parameters). `parameters` are the
 * decoded query, form and protocol parameters (oauth_signature excluded); a name may repeat.
 */
export function signatureBaseString(method: string, baseUri: string, parameters: readonly (readonly [string, string])[]): string {
  const normalised = parameters
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => (nameA === nameB ? compare(valueA, valueB) : compare(nameA, nameB)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return [method.toUpperCase(), percentEncode(baseUri), percentEncode(normalised)].join('&');
}

/** Byte order, as the RFC asks (not locale order). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** RFC 5849 §3.4.1.2: scheme and host lower-cased, default ports dropped, no query or fragment. */
export function baseStringUri(scheme: string, host: string, path: string): string {
  const lowerScheme = scheme.toLowerCase();
  let lowerHost = host.toLowerCase();
  if ((lowerScheme === 'http' && lowerHost.endsWith(':80')) || (lowerScheme === 'https' && lowerHost.endsWith(':443'))) {
    lowerHost = lowerHost.slice(0, lowerHost.lastIndexOf(':'));
  }
  return `${lowerScheme}://${lowerHost}${path}`;
}

export function sign(method: SignatureMethod, baseString: string, consumerSecret: string, tokenSecret = ''): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', key)
    .update(baseString)
    .digest('base64');
}

/** Constant-time comparison of the expected and the presented signature. */
export function signaturesMatch(expected: string, presented: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
