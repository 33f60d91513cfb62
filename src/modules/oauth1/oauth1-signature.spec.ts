import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { readOAuthHeader } from './oauth1-header';
import { baseStringUri, percentEncode, sign, signatureBaseString, signaturesMatch } from './oauth1-signature';

// A maintained client library signs; this server's reading of RFC 5849 must produce the same signature.
function client(method: 'HMAC-SHA1' | 'HMAC-SHA256') {
  const algorithm = method === 'HMAC-SHA1' ? 'sha1' : 'sha256';
  return new OAuth({
    consumer: { key: 'consumer key', secret: 'consumer & secret' },
    signature_method: method,
    hash_function: (base, key) => createHmac(algorithm, key).update(base).digest('base64'),
  });
}

describe('OAuth 1.0a signatures', () => {
  it('percent-encodes as RFC 3986 unreserved characters demand', () => {
    expect(percentEncode("a b!*'()~._-ä")).toBe('a%20b%21%2A%27%28%29~._-%C3%A4');
  });

  it('drops default ports and lower-cases scheme and host', () => {
    expect(baseStringUri('HTTP', 'Example.COM:80', '/r%20v/X')).toBe('http://example.com/r%20v/X');
    expect(baseStringUri('https', 'example.com:443', '/')).toBe('https://example.com/');
    expect(baseStringUri('http', 'example.com:8080', '/p')).toBe('http://example.com:8080/p');
  });

  it.each(['HMAC-SHA1', 'HMAC-SHA256'] as const)('matches the oauth-1.0a library with %s, query parameters and a token', (method) => {
    const url = 'http://127.0.0.1:8080/obp/v5.1.0/banks?limit=5&name=a%20b&x=%2F';
    const token = { key: 'tok', secret: 'token secret' };
    const signed = client(method).authorize({ url, method: 'GET' }, token);
    const header = client(method).toHeader(signed).Authorization;

    const { oauth_signature: presented, ...protocol } = readOAuthHeader(header).parameters;
    const parameters: [string, string][] = [['limit', '5'], ['name', 'a b'], ['x', '/'], ...Object.entries(protocol)];
    const base = signatureBaseString('GET', baseStringUri('http', '127.0.0.1:8080', '/obp/v5.1.0/banks'), parameters);
    expect(sign(method, base, 'consumer & secret', 'token secret')).toBe(presented);
    expect(sign(method, base, 'consumer & secret', 'other')).not.toBe(presented);
  });

  it('reads header parameters as OBP does: spaces ignored, unknown and empty ones dropped, repeats refused', () => {
    expect(readOAuthHeader('OAuth oauth_nonce = "a%20b", realm="x", oauth_token="", oauth_version="1.0"')).toEqual({
      parameters: { oauth_nonce: 'a b', oauth_version: '1.0' },
      duplicated: false,
    });
    expect(readOAuthHeader('OAuth oauth_nonce="a", oauth_nonce="b"')).toEqual({ parameters: { oauth_nonce: 'b' }, duplicated: true });
  });

  it('compares signatures in constant time and only when the lengths agree', () => {
    expect(signaturesMatch('abc=', 'abc=')).toBe(true);
    expect(signaturesMatch('abc=', 'abd=')).toBe(false);
    expect(signaturesMatch('abc=', 'abc')).toBe(false);
  });
});
