import { ObpException } from '../../common/errors/obp.exception';
import { parseObpDate } from '../../common/http/obp-date';
import { parsePaging, type Paging } from '../../common/http/paging';

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
