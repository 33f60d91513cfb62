import { MAX_LIMIT, parsePaging } from './paging';

describe('parsePaging', () => {
  it('defaults to 50 and 0', () => {
    expect(parsePaging(undefined, undefined)).toEqual({ limit: 50, offset: 0 });
  });

  it('reads decimal whole numbers', () => {
    expect(parsePaging('1', '0')).toEqual({ limit: 1, offset: 0 });
    expect(parsePaging(String(MAX_LIMIT), '9007199254740991')).toEqual({ limit: MAX_LIMIT, offset: 9007199254740991 });
    expect(parsePaging('007', '010')).toEqual({ limit: 7, offset: 10 });
  });

  // 1e20 is an integer to Number.isInteger but beyond PostgreSQL's bigint: OFFSET 1e20 was a 500.
  it.each(['1e20', '1e3', '9007199254740993', '99999999999999999999', '-1', '1.5', '0x10', ' 1', '1 ', '+1', '', 'NaN', 'Infinity', '١٢'])(
    'refuses offset %j with OBP-10024',
    (offset) => {
      expect(() => parsePaging(undefined, offset)).toThrow(/^OBP-10024/);
    },
  );

  it.each(['0', '10001', '1e3', '-1', '1.0', '', ' 5'])('refuses limit %j with OBP-10025', (limit) => {
    expect(() => parsePaging(limit, undefined)).toThrow(/^OBP-10025/);
  });
});
