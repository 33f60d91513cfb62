import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { formatObpDate } from '../common/http/obp-date';
import { buildDataSourceOptions } from './data-source-options';
import { obpDateFromTimestamptz, obpDatesFromTimestamptzArray, WIRE_DATE_TYPES } from './pg-wire-dates';

describe('obpDateFromTimestamptz', () => {
  it.each([
    ['2024-05-06 07:08:09+00', '2024-05-06T07:08:09Z'],
    ['2024-05-06 07:08:09.5+00', '2024-05-06T07:08:09Z'],
    ['2024-05-06 07:08:09.999999+00', '2024-05-06T07:08:09Z'],
    ['0099-12-31 23:59:59+00', '0099-12-31T23:59:59Z'],
    // Other session time zones and years take pg's parser: the same instant in UTC.
    ['2024-05-06 09:08:09.123+02', '2024-05-06T07:08:09Z'],
    ['2024-05-06 12:38:09+05:30', '2024-05-06T07:08:09Z'],
    ['2024-01-01 00:30:00-01', '2024-01-01T01:30:00Z'],
    ['12345-01-02 03:04:05+00', '+012345-01-02T03:04:05Z'],
  ])("reads %s as %s, what formatting pg's Date gives", (text, wire) => {
    expect(obpDateFromTimestamptz(text)).toBe(wire);
    expect(obpDateFromTimestamptz(text)).toBe(viaPg(text));
  });

  it('reads a date before the Common Era as pg and formatObpDate would', () => {
    expect(obpDateFromTimestamptz('0044-03-15 12:00:00+00 BC')).toBe(viaPg('0044-03-15 12:00:00+00 BC'));
  });

  it('reads an array of timestamps', () => {
    expect(obpDatesFromTimestamptzArray('{"2015-01-01 00:00:00+00","2017-02-03 04:05:06.7+01"}')).toEqual(['2015-01-01T00:00:00Z', '2017-02-03T03:05:06Z']);
    expect(obpDatesFromTimestamptzArray('{}')).toEqual([]);
  });

  it('leaves every other type to pg', () => {
    expect(WIRE_DATE_TYPES.getTypeParser(23, 'text')('42')).toBe(42);
    expect(WIRE_DATE_TYPES.getTypeParser(114, 'text')('{"a":1}')).toEqual({ a: 1 });
  });
});

/**
 * Against the test database (PostgreSQL or the embedded PGlite): what the server writes for a
 * timestamptz, in UTC and in other session time zones, reads as the Date pg builds, formatted.
 */
describe('wire dates from the database', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(buildDataSourceOptions(process.env.DATABASE_URL as string, 1, false));
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it.each(['UTC', 'Europe/Paris', 'Asia/Kolkata', 'America/St_Johns'])('match pg in time zone %s', async (zone) => {
    const pool = (dataSource.driver as PostgresDriver).master as {
      connect(): Promise<{ query(query: object): Promise<{ rows: unknown[][] }>; release(): void }>;
    };
    const client = await pool.connect();
    try {
      await client.query({ text: `SET TIME ZONE '${zone}'` });
      const text = `SELECT v::text, v FROM unnest(ARRAY['2024-05-06T07:08:09.123456Z', '1999-12-31T23:59:59Z', '2000-02-29T00:00:00.5Z',
                      '0099-01-01T00:00:00Z', '2024-10-27T00:30:00Z']::timestamptz[]) AS v`;
      const { rows } = await client.query({ text, rowMode: 'array', types: WIRE_DATE_TYPES });
      expect(rows).toHaveLength(5);
      for (const [raw, wire] of rows) {
        expect(wire).toBe(viaPg(raw as string));
      }
    } finally {
      await client.query({ text: 'RESET TIME ZONE' });
      client.release();
    }
  });
});

/** pg's own reading of a timestamptz: a Date. */
function parseAsPg(text: string): Date {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { types } = require('pg') as { types: { getTypeParser(oid: number): (text: string) => Date } };
  return types.getTypeParser(1184)(text);
}

/** What the mappers wrote before wire dates: pg's Date, formatted. */
function viaPg(text: string): string {
  return formatObpDate(parseAsPg(text));
}
