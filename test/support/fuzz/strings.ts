import fc from 'fast-check';

// Hostile text shared by the path, query, header and body generators.

/** SQL injection and SQL error bait. None contains the SQL words the leak check looks for. */
export const SQL_METACHARACTERS = [
  "' OR 1=1--",
  "' OR '1'='1",
  '"; DROP TABLE customers; --',
  "1'; WAITFOR DELAY '0:0:5'--",
  "') UNION ALL select null--",
  "'||pg_sleep(5)||'",
  '$1',
  "E'\\x27'",
  '1::int',
  "';",
  "\\'",
  "'",
  '"',
  '`',
  ';',
  '--',
  '/*',
  '*/',
];

/** LIKE/regex metacharacters, including a trailing escape character (bug 5: phone search). */
export const LIKE_METACHARACTERS = ['%', '_', '\\', '%%', '%_\\', '\\%', '\\_', 'a\\', '%381\\', '[a-z]', '^$', '.*', '+*?', '(|)'];

/** Control characters, NUL, lone surrogates, bidi overrides, zero-width and non-BMP text. */
export const UNICODE_NASTIES = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0007\u0008\u001b',
  '\t\r\n',
  '\u007f',
  '\ud800',
  'x\udfffy',
  '\udbff\ud800',
  '\ufeff',
  '\u202e\u202d',
  '\u200b\u200c\u200d',
  '\ufffd\uffff\ufffe',
  '😀👨‍👩‍👧',
  '\u{10ffff}',
  'Ω≈ç√∫˜µ≤≥÷',
  'ﷺ',
  'è́́́́́́́',
  '\u0085\u2028\u2029',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  '{"a":1}',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '%00',
  '%s%n%x',
];

/** Invalid dates, next to valid ones so validators meet both. */
export const DATE_STRINGS = [
  '2020-13-45T00:00:00Z',
  '2020-02-30T00:00:00Z',
  '2021-02-29T00:00:00Z',
  '0000-00-00T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '99999-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '1970-01-01T00:00:00.000Z',
  '2020-01-01',
  '2020-01-01T25:61:61Z',
  '2020-01-01T00:00:00+99:00',
  '2020-01-01T00:00:00.9999999999Z',
  '2020-01-01T00:00:00Z\u0000',
  'Invalid Date',
  'yesterday',
  '',
  '1e20',
  '0',
];

/** Numbers as text: the ones Number() and parseInt() disagree on, and the ones no column can hold. */
export const NUMBER_STRINGS = [
  '1e20',
  '1e308',
  '1e309',
  '-1',
  '-0',
  '0',
  '0.5',
  '1.0',
  '01',
  '0x10',
  '0b11',
  '0o7',
  '1_000',
  '+1',
  ' 1',
  '1 ',
  'NaN',
  'Infinity',
  '-Infinity',
  '9007199254740993',
  '99999999999999999999999',
  '2147483648',
  '-2147483649',
  '',
  ' ',
  'abc',
  '1,5',
  '١٢',
  '１２',
  '1e',
  'e1',
  '--1',
  '1e-400',
];

/** JSON numbers that are awkward for JavaScript and SQL. */
export const NUMBER_VALUES = [
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MAX_VALUE,
  1e20,
  1e-7,
  0.1 + 0.2,
];

// Arbitraries are built once and shared: fast-check caches per instance (e.g. the reverse mapping
// of a unicode string arbitrary), and rebuilding them per handler cost more than sending requests.

const HUGE = fc
  .tuple(fc.constantFrom('a', '€', '😀', "'", '%', '\\', '\u0000', 'ab c'), fc.integer({ min: 100_000, max: 150_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

/** A long run of one character (or a short pattern), 100k+ characters: beyond every length rule. */
export function hugeString(): fc.Arbitrary<string> {
  return HUGE;
}

const FIXED = fc.constantFrom(...SQL_METACHARACTERS, ...LIKE_METACHARACTERS, ...UNICODE_NASTIES, ...DATE_STRINGS, ...NUMBER_STRINGS);
const NASTY = fc.oneof(
  { weight: 5, arbitrary: FIXED },
  // Any code point, lone surrogates included (a mapped unit: fast-check's 'binary' unit builds a
  // reverse table of every code point on first use, over a second of CPU).
  { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)), maxLength: 40 }) },
  { weight: 2, arbitrary: fc.tuple(FIXED, fc.string({ maxLength: 8 }), FIXED).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.integer({ min: 256, max: 5000 }).map((n) => 'x'.repeat(n)) },
);

/** Any of the hostile strings above, random unicode (lone surrogates included) or a mix of them. */
export function nastyString(): fc.Arbitrary<string> {
  return NASTY;
}
