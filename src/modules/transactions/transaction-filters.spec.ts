import { ObpException } from '../../common/errors/obp.exception';
import { parseTransactionFilters } from './transaction-filters';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ObpException ? error.body.message.slice(0, 9) : 'not an ObpException';
  }
  return undefined;
}

describe('transaction filters from request headers', () => {
  it('defaults to newest first, 50 per page, all dates', () => {
    const filters = parseTransactionFilters({});
    expect(filters).toMatchObject({ sortDirection: 'DESC', limit: 50, offset: 0 });
    expect(filters.fromDate.getTime()).toBe(0);
  });

  it('reads obp_ prefixed and plain names, the plain one winning, case-insensitive direction', () => {
    expect(parseTransactionFilters({ obp_limit: '5', obp_offset: '2', obp_sort_direction: 'asc' })).toMatchObject({
      limit: 5,
      offset: 2,
      sortDirection: 'ASC',
    });
    expect(parseTransactionFilters({ obp_limit: '5', limit: '7' }).limit).toBe(7);
  });

  it('parses both OBP date forms', () => {
    expect(parseTransactionFilters({ obp_from_date: '2015-09-02T00:00:00.000Z' }).fromDate.toISOString()).toBe('2015-09-02T00:00:00.000Z');
    expect(parseTransactionFilters({ obp_to_date: '2015-09-02T02:00:00.000+0200' }).toDate.toISOString()).toBe('2015-09-02T00:00:00.000Z');
  });

  it('refuses bad values with OBP-10023..10026', () => {
    expect(codeOf(() => parseTransactionFilters({ obp_sort_direction: 'foo' }))).toBe('OBP-10023');
    expect(codeOf(() => parseTransactionFilters({ obp_offset: '-100' }))).toBe('OBP-10024');
    expect(codeOf(() => parseTransactionFilters({ obp_limit: '0' }))).toBe('OBP-10025');
    expect(codeOf(() => parseTransactionFilters({ obp_limit: 'foo' }))).toBe('OBP-10025');
    expect(codeOf(() => parseTransactionFilters({ obp_from_date: 'foo' }))).toBe('OBP-10026');
    expect(codeOf(() => parseTransactionFilters({ obp_to_date: '2015-02-30T00:00:00.000Z' }))).toBe('OBP-10026');
  });
});
