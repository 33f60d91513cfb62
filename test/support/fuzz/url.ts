import fc from 'fast-check';
import { DATE_STRINGS, nastyString, NUMBER_STRINGS } from './strings';

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const PLAIN = /^[A-Za-z0-9\-._~]*$/;

/**
 * Percent-encodes like encodeURIComponent, but never throws:
 * a lone surrogate becomes the UTF-8 of U+FFFD, as a client's encoder would send it.
 */
export function percentEncode(text: string): string {
  if (PLAIN.test(text)) return text;
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate: encode the bytes Buffer makes of it.
  }
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Raw request-target fragments a client can send: broken escapes, traversal, encoded NUL and separators. */
export const RAW_SEGMENTS = [
  '%E0%A4%A',
  '%',
  '%%',
  '%zz',
  '%0',
  '%00',
  'a%00b',
  '%0A',
  '%0D%0A',
  '%1F',
  '%7F',
  '%FF',
  '%C0%AF',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%uD800',
  '..',
  '.',
  '../',
  '..%2F',
  '%2e%2e',
  '%2E%2E%2F',
  '..%5C',
  '%2F',
  'a%2Fb',
  '//',
  '%20',
  '+',
  '~',
  ';',
  'a;b=c',
  ':',
  '@',
  '$',
  '!',
  '*',
  "'",
  '(',
  ')',
  '%27%20OR%201%3D1--',
  '%25',
  '%5C',
  '%22',
  '%3C%3E',
  '%3F',
  '%23',
];

/** A real id, as a client encodes it: mostly the first (the one the caller can use), else any. */
export function validSegment(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(valid[0]) }, { weight: 1, arbitrary: fc.constantFrom(...valid) }).map(percentEncode);
}

/** A hostile path segment: hostile text, raw escapes, over-long, a real id with junk, other-looking ids. */
export function hostileSegment(valid: readonly string[]): fc.Arbitrary<string> {
  const real = fc.constantFrom(...valid);
  return fc.oneof(
    { weight: 2, arbitrary: nastyString().map(percentEncode) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    // Beyond the columns (36, 255) and beyond the router's parameter limit (1024).
    { weight: 1, arbitrary: fc.integer({ min: 37, max: 8_000 }).map((length) => 'a'.repeat(length)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(real, fc.constantFrom('%00', '%20', '%25', '%27', '%5F', '/', '/..', 'X', '.', '%2F', '%E0%A4%A'))
        .map(([id, suffix]) => percentEncode(id) + suffix),
    },
    { weight: 1, arbitrary: fc.oneof(fc.uuid().map(String), fc.constantFrom('0', '-1', '1e20', '99999999999999999999', 'null', 'undefined', 'NaN')) },
    { weight: 1, arbitrary: real.map((id) => percentEncode(id.toUpperCase())) },
  );
}

/** Mostly a real id (so the request gets past the lookups), else a hostile one. */
export function pathSegment(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: validSegment(valid) }, { weight: 1, arbitrary: hostileSegment(valid) });
}

const QUERY_NAMES = [
  'limit',
  'offset',
  'sort_direction',
  'from_date',
  'to_date',
  'obp_limit',
  'obp_offset',
  'obp_sort_direction',
  'obp_from_date',
  'obp_to_date',
  'content',
  'tags',
  'functions',
  'locale',
  'api-collection-id',
  'SPECIAL_TAX_NUMBER',
  'FUZZ_ATTRIBUTE',
  'name',
  'value',
];

function queryValue(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NUMBER_STRINGS).map(percentEncode) },
    { weight: 2, arbitrary: fc.constantFrom(...DATE_STRINGS).map(percentEncode) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '1',
        '10',
        '50',
        '10000',
        '10001',
        'ASC',
        'DESC',
        'asc',
        'sideways',
        'true',
        '2020-01-01T00:00:00Z',
        '2020-01-01T00:00:00.000Z',
      ),
    },
    { weight: 2, arbitrary: nastyString().map(percentEncode) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  );
}

let query: fc.Arbitrary<string> | undefined;

/** A query string (without "?"): list parameters with bad numbers and dates, repeats, bad escapes, junk names. */
export function queryString(): fc.Arbitrary<string> {
  return (query ??= buildQueryString());
}

function buildQueryString(): fc.Arbitrary<string> {
  const name = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...QUERY_NAMES) },
    { weight: 1, arbitrary: nastyString().map(percentEncode) },
    { weight: 1, arbitrary: fc.constantFrom('limit[]', 'limit[a]', '__proto__', '__proto__[x]', 'constructor[prototype][x]', '', '%', '%E0%A4%A') },
  );
  const parameter = fc.oneof({ weight: 8, arbitrary: fc.tuple(name, queryValue()).map(([key, value]) => `${key}=${value}`) }, { weight: 1, arbitrary: name });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 6, arbitrary: fc.array(parameter, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('&')) },
    { weight: 1, arbitrary: fc.constantFrom('&&&', '=', '==', '&=&', '?', '??a=1', 'a=1=2', 'limit=1&limit=2', 'offset=1&offset=x', 'a'.repeat(5000) + '=1') },
  );
}
