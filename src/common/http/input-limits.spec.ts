import { jsonInputProblem, MAX_JSON_DEPTH, textProblem, urlProblem } from './input-limits';

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

describe('input limits', () => {
  describe('textProblem', () => {
    it.each(['', 'plain', 'Ω≈ç', '😀', '\ud83d\ude00', "' OR 1=1--", '%_\\', '\t\r\n\u0001'])('accepts %j', (text) => {
      expect(textProblem(text)).toBeUndefined();
    });

    it.each([
      ['\u0000', 'NUL'],
      ['a\u0000b', 'NUL'],
      ['\ud800', 'surrogate'],
      ['x\udfffy', 'surrogate'],
      ['\udbff\ud800', 'surrogate'],
      ['\ude00\ud83d', 'surrogate'],
    ])('refuses %j (%s)', (text, what) => {
      expect(textProblem(text)).toContain(what);
    });
  });

  describe('jsonInputProblem', () => {
    it('accepts ordinary bodies', () => {
      expect(jsonInputProblem({ a: 'x', b: [1, { c: true, d: null }], e: { f: 'Ω' } })).toBeUndefined();
      expect(jsonInputProblem([])).toBeUndefined();
      expect(jsonInputProblem('text')).toBeUndefined();
      expect(jsonInputProblem(null)).toBeUndefined();
    });

    it(`accepts ${MAX_JSON_DEPTH} levels of nesting and refuses one more`, () => {
      for (const kind of ['array', 'object'] as const) {
        expect(jsonInputProblem(nested(MAX_JSON_DEPTH, kind))).toBeUndefined();
        expect(jsonInputProblem(nested(MAX_JSON_DEPTH + 1, kind))).toMatch(/nested more than 32 levels/);
      }
    });

    it('walks very deep bodies without recursion', () => {
      expect(jsonInputProblem(nested(200_000, 'array'))).toMatch(/nested more than/);
    });

    it('names the field holding a NUL or a lone surrogate, when its path is plain', () => {
      expect(jsonInputProblem({ face_image: { url: 'a\u0000' } })).toBe('face_image.url contains a NUL character (\\u0000).');
      expect(jsonInputProblem({ list: ['ok', '\ud800'] })).toBe('list[1] contains an unpaired UTF-16 surrogate.');
      expect(jsonInputProblem({ 'weird key!': '\u0000' })).toBe('? contains a NUL character (\\u0000).');
      expect(jsonInputProblem('\u0000')).toBe('The body contains a NUL character (\\u0000).');
    });

    it('checks field names too', () => {
      expect(jsonInputProblem({ ['a\u0000']: 1 })).toBe('A field name contains a NUL character (\\u0000).');
      expect(jsonInputProblem({ a: { ['\udc00']: 1 } })).toBe('A field name contains an unpaired UTF-16 surrogate.');
    });
  });

  describe('urlProblem', () => {
    it.each(['/obp/v5.1.0/banks/a%00', '/obp/v5.1.0/banks?limit=%00', '/x?a=b%00c'])('refuses an encoded NUL in %s', (url) => {
      expect(urlProblem(url)).toMatch(/%00/);
    });

    it.each(['/obp/v5.1.0/banks', '/obp/v5.1.0/banks/a%20b?limit=10', '/x?a=%2500'])('accepts %s', (url) => {
      expect(urlProblem(url)).toBeUndefined();
    });
  });
});
