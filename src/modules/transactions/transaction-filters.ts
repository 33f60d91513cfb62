import { ObpException } from '../../common/errors/obp.exception';
import { parseObpDate } from '../../common/http/obp-date';
import { documentedInput, type InputParameter } from '../../common/http/documented-input';
import { DEFAULT_LIMIT, MAX_LIMIT, parsePaging, type Paging } from '../../common/http/paging';

export interface TransactionFilters extends Paging {
  sortDirection: 'ASC' | 'DESC';
  fromDate: Date;
  toDate: Date;
}

const EPOCH = new Date(0);
const FAR_FUTURE = new Date(Date.UTC(4000, 0, 1));
/** OBP's fallback date form: yyyy-MM-dd'T'HH:mm:ss.SSSZ, e.g. 2015-09-02T00:00:00.000+0000. */
const OFFSET_DATE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})([+-])(\d{2})(\d{2})$/;

type Headers = Record<string, string | string[] | undefined>;

/** A filter header; OBP reads "limit" and "obp_limit" alike, the un-prefixed one winning. */
function header(headers: Headers, name: string): string | undefined {
  const value = headers[name] ?? headers[`obp_${name}`];
  if (Array.isArray(value)) throw ObpException.of('InvalidFilterParameterFormat', `${name} may appear only once`);
  return value?.trim();
}

function date(raw: string | undefined, fallback: Date): Date {
  if (raw === undefined) return fallback;
  const offset = OFFSET_DATE.exec(raw);
  const parsed = offset ? parseObpDate(`${offset[1]}Z`) : parseObpDate(raw);
  if (!parsed) throw ObpException.of('FilterDateFormatError', `Current value: ${raw.slice(0, 40)}`);
  if (!offset) return parsed;
  const minutes = (Number(offset[3]) * 60 + Number(offset[4])) * (offset[2] === '+' ? 1 : -1);
  return new Date(parsed.getTime() - minutes * 60_000);
}

/**
 * The transaction list filters, read from REQUEST HEADERS as OBP does (obp_sort_direction,
 * obp_limit, obp_offset, obp_from_date, obp_to_date, or the same names without "obp_"). Bad values
 * answer 400 OBP-10023..10026. Dates bound the completed date, inclusive.
 */
export function parseTransactionFilters(headers: Headers): TransactionFilters {
  const direction = (header(headers, 'sort_direction') ?? 'DESC').toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC') throw ObpException.of('FilterSortDirectionError');
  const { limit, offset } = parsePaging(header(headers, 'limit'), header(headers, 'offset'));
  return { sortDirection: direction, limit, offset, fromDate: date(header(headers, 'from_date'), EPOCH), toDate: date(header(headers, 'to_date'), FAR_FUTURE) };
}

const DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (or with a +hhmm offset instead of Z)";
const UNPREFIXED = 'The same header without "obp_" works too and wins over this one.';

/** The filter headers parseTransactionFilters reads, as OpenAPI declares them (OBP's obp_ forms). */
export const TRANSACTION_FILTER_HEADERS: readonly InputParameter[] = [
  {
    name: 'obp_sort_direction',
    in: 'header',
    description: `By completed date: DESC (the default) or ASC. ${UNPREFIXED}`,
    schema: { type: 'string', enum: ['DESC', 'ASC'], default: 'DESC' },
  },
  {
    name: 'obp_limit',
    in: 'header',
    description: `Page size, 1 to ${MAX_LIMIT}. ${UNPREFIXED}`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, example: DEFAULT_LIMIT },
  },
  {
    name: 'obp_offset',
    in: 'header',
    description: `How many transactions to skip. ${UNPREFIXED}`,
    schema: { type: 'integer', minimum: 0, default: 0, example: 0 },
  },
  {
    name: 'obp_from_date',
    in: 'header',
    description: `Completed at or after, ${DATE_FORMAT}. ${UNPREFIXED}`,
    schema: { type: 'string', example: '1970-01-01T00:00:00.000Z' },
  },
  {
    name: 'obp_to_date',
    in: 'header',
    description: `Completed at or before, ${DATE_FORMAT}. ${UNPREFIXED}`,
    schema: { type: 'string', example: '2100-01-01T00:00:00.000Z' },
  },
];

/** The handler's TransactionFilters from the request headers, and their OpenAPI declaration. */
export function TransactionFilterHeaders(): ParameterDecorator {
  return documentedInput(TRANSACTION_FILTER_HEADERS, (request) => parseTransactionFilters(request.headers));
}
