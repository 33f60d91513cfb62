import { formatObpDate, parseObpDate } from './obp-date';

describe('OBP dates', () => {
  it('formats in UTC without milliseconds', () => {
    expect(formatObpDate(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)))).toBe('2024-01-02T03:04:05Z');
  });

  it('keeps the six-digit years of dates beyond 9999 and before year 0', () => {
    expect(formatObpDate(new Date(Date.UTC(10000, 0, 1)))).toBe('+010000-01-01T00:00:00Z');
    expect(formatObpDate(new Date(Date.UTC(-1, 11, 31, 23, 59, 59, 999)))).toBe('-000001-12-31T23:59:59Z');
  });

  it('parses both OBP forms and round-trips', () => {
    expect(parseObpDate('2024-01-02T03:04:05Z')?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(parseObpDate('2024-01-02T03:04:05.123Z')?.toISOString()).toBe('2024-01-02T03:04:05.123Z');
  });

  it('refuses malformed and impossible dates', () => {
    for (const bad of ['2024-02-30T00:00:00Z', '2024-01-02', '2024-01-02T03:04:05+01:00', 'yesterday', '']) {
      expect(parseObpDate(bad)).toBeUndefined();
    }
  });
});
