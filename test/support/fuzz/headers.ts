import fc from 'fast-check';
import { DATE_STRINGS, NUMBER_STRINGS } from './strings';

export type Headers = Record<string, string>;

/** Header values a real client can send: Node refuses control characters and non-Latin-1 text. */
function headerSafe(text: string): string {
  return text.replace(/[^\t\x20-\x7e]/g, '?');
}

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 });

function tamper(token: string, index: number): string {
  const at = index % token.length;
  const swapped = token[at] === 'A' ? 'B' : 'A';
  return token.slice(0, at) + swapped + token.slice(at + 1);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Credentials: mostly the fuzzer's good token (in each accepted form) so requests reach the
 * handlers, else none, garbage, tampered or forged tokens, repeated parameters and huge values.
 */
export function authHeaders(token: string, victimUsername: string): fc.Arbitrary<Headers> {
  const good = fc.constantFrom<Headers>(
    { DirectLogin: `token=${token}` },
    { DirectLogin: `token=${token}` },
    { DirectLogin: `token="${token}"` },
    { Authorization: `DirectLogin token=${token}` },
    { Authorization: `Bearer ${token}` },
  );
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  const broken = fc.oneof(
    fc.constantFrom<Headers>(
      { DirectLogin: '' },
      { DirectLogin: 'token=' },
      { DirectLogin: 'token' },
      { DirectLogin: '=' },
      { DirectLogin: ',,,,' },
      { DirectLogin: 'token=a, token=b' },
      { DirectLogin: `token=${token}, token=garbage` },
      { DirectLogin: `token=garbage, token=${token}` },
      { DirectLogin: `username=${victimUsername}, password=wrong, consumer_key=x` },
      { DirectLogin: `token=${token}`, Authorization: 'Bearer x.y.z' },
      { Authorization: 'Bearer x.y.z' },
      { Authorization: 'Bearer ' },
      { Authorization: 'Bearer' },
      { Authorization: 'Basic YWxhZGRpbjpvcGVuc2VzYW1l' },
      { Authorization: 'DirectLogin' },
      { Authorization: 'DirectLogin token=' },
      { Authorization: 'Negotiate abc' },
      { Authorization: `Bearer ${header}.${b64({ ...claims, sub: '00000000-0000-0000-0000-000000000000' })}.${token.split('.')[2]}` },
      { Authorization: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.` },
      { Authorization: `Bearer ${b64({ alg: 'RS256', typ: 'JWT', kid: '../../etc/passwd' })}.${payload}.c2ln` },
      { Authorization: `Bearer ${header}.${b64({ ...claims, exp: 1 })}.${token.split('.')[2]}` },
      { Authorization: `Bearer ${header}.${b64('not an object')}.${token.split('.')[2]}` },
      { Authorization: `Bearer ${header}.!!!.${token.split('.')[2]}` },
    ),
    fc.nat().map((index): Headers => ({ DirectLogin: `token=${tamper(token, index)}` })),
    fc.nat().map((index): Headers => ({ Authorization: `Bearer ${tamper(token, index)}` })),
    printable.map((text): Headers => ({ DirectLogin: text })),
    printable.map((text): Headers => ({ Authorization: text })),
    fc.constantFrom(...NUMBER_STRINGS, ...DATE_STRINGS).map((text): Headers => ({ DirectLogin: `token=${headerSafe(text)}` })),
    fc.integer({ min: 1_000, max: 12_000 }).map((length): Headers => ({ DirectLogin: `token=${'a'.repeat(length)}` })),
    fc.integer({ min: 1_000, max: 12_000 }).map((length): Headers => ({ Authorization: `Bearer ${'a.'.repeat(length / 2)}` })),
  );
  return fc.oneof({ weight: 16, arbitrary: good }, { weight: 2, arbitrary: fc.constant({}) }, { weight: 3, arbitrary: broken });
}

export const JSON_TYPE = 'application/json';

/** Content types other than plain JSON, with and without parameters; undefined = header absent. */
export const OTHER_CONTENT_TYPES: (string | undefined)[] = [
  undefined,
  'text/plain',
  'text/plain; charset=utf-8',
  'application/xml',
  'text/xml',
  'multipart/form-data; boundary=----fuzz',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json;;',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'application/vnd.api+json',
  'application/json-patch+json',
  'application/jsonx',
  '*/*',
  '',
  ';',
  'json',
  'a'.repeat(2000),
];

let extra: fc.Arbitrary<Headers> | undefined;

/** Other headers a client might add: transaction filters, odd correlation ids, overrides. */
export function extraHeaders(): fc.Arbitrary<Headers> {
  return (extra ??= buildExtraHeaders());
}

function buildExtraHeaders(): fc.Arbitrary<Headers> {
  const value = fc.oneof(fc.constantFrom(...NUMBER_STRINGS, ...DATE_STRINGS, 'ASC', 'DESC', 'sideways').map(headerSafe), printable);
  const entry = fc.oneof(
    fc.tuple(fc.constantFrom('obp_limit', 'obp_offset', 'obp_sort_direction', 'obp_from_date', 'obp_to_date', 'limit', 'offset'), value),
    fc.tuple(fc.constant('correlation-id'), fc.oneof(printable, fc.constantFrom('a'.repeat(129), 'ok-id-1', '', ' '))),
    fc.tuple(fc.constantFrom('x-http-method-override', 'x-forwarded-for', 'accept', 'accept-language', 'content-encoding', 'transfer-encoding-x'), value),
    fc.tuple(fc.constant('accept'), fc.constantFrom('application/xml', 'text/html', '*/*', 'application/json;q=0')),
    fc.tuple(fc.constant('content-encoding'), fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'x')),
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant({}) },
    { weight: 2, arbitrary: fc.array(entry, { maxLength: 3 }).map((entries) => Object.fromEntries(entries)) },
  );
}
