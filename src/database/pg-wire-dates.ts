import { formatObpDate, type ObpDateText } from '../common/http/obp-date';

/** What is used of pg's type parsers (pg-types, as pg exports them; the project has no @types/pg). */
interface PgTypeParsers {
  getTypeParser(oid: number, format?: string): (text: string) => unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { types } = require('pg') as { types: PgTypeParsers };

const TIMESTAMPTZ = 1184;
const TIMESTAMPTZ_ARRAY = 1185;
const parseTimestamptz = types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date;
const parseTimestamptzArray = types.getTypeParser(TIMESTAMPTZ_ARRAY, 'text') as (text: string) => Date[];

const HYPHEN = 45;
const SPACE = 32;
const COLON = 58;
const DOT = 46;
const PLUS = 43;

/**
 * A timestamptz as PostgreSQL writes it (DateStyle ISO) into OBP's wire format, what
 * formatObpDate(pg's Date) gives. In a UTC session ("2024-05-06 07:08:09.123456+00", the server's
 * default here and PGlite's) the text already holds every digit in place: it is re-cut, without
 * the Date that pg would build and the ISO string formatObpDate would then build and cut. Any
 * other text (another session time zone, a five-digit or BC year, infinity) takes pg's parser
 * and formatObpDate, as before. Parsing and formatting the lists' five dates per row was a fifth
 * of a customer list's CPU (profile, issue 21).
 */
export function obpDateFromTimestamptz(text: string): ObpDateText {
  const wholeSeconds = text.charCodeAt(19);
  if (
    text.charCodeAt(4) === HYPHEN &&
    text.charCodeAt(7) === HYPHEN &&
    text.charCodeAt(10) === SPACE &&
    text.charCodeAt(13) === COLON &&
    text.charCodeAt(16) === COLON &&
    (wholeSeconds === PLUS || wholeSeconds === DOT) &&
    text.endsWith('+00')
  ) {
    return `${text.slice(0, 10)}T${text.slice(11, 19)}Z` as ObpDateText;
  }
  return formatObpDate(parseTimestamptz(text)) as ObpDateText;
}

/** A timestamptz[] (rare and short: a customer's dependants' birth dates) through pg's parser. */
export function obpDatesFromTimestamptzArray(text: string): ObpDateText[] {
  return parseTimestamptzArray(text).map((date) => formatObpDate(date) as ObpDateText);
}

/**
 * pg's type parsers, with timestamps read into OBP's wire format (RowsQuery's): the hot reads hand
 * rows straight to the JSON mappers, which would only format a Date back into the same text.
 */
export const WIRE_DATE_TYPES: PgTypeParsers = {
  getTypeParser(oid, format) {
    if (format === undefined || format === 'text') {
      if (oid === TIMESTAMPTZ) return obpDateFromTimestamptz;
      if (oid === TIMESTAMPTZ_ARRAY) return obpDatesFromTimestamptzArray;
    }
    return types.getTypeParser(oid, format);
  },
};

/** A row type whose Date columns arrive as OBP wire dates (what PgQueries.rows returns). */
export type WithWireDates<T> = {
  [K in keyof T]: T[K] extends Date ? ObpDateText : T[K] extends Date | null ? ObpDateText | null : T[K] extends Date[] ? ObpDateText[] : T[K];
};
