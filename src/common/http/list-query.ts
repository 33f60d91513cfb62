import { ObpException } from '../errors/obp.exception';
import { parseObpDate } from './obp-date';
import { parsePaging, type Paging } from './paging';

/** OBP's list query parameters (limit, offset, sort_direction, from_date, to_date). */
export interface ListQuery extends Paging {
  sortDirection: 'ASC' | 'DESC';
  fromDate: Date;
  toDate: Date;
  /** Every other parameter: name=value filters (customer attributes, for the endpoints that use them). */
  otherParameters: [string, string][];
}

const RESERVED = new Set(['limit', 'offset', 'sort_direction', 'from_date', 'to_date']);
const EPOCH = new Date(0);
const FAR_FUTURE = new Date(Date.UTC(4000, 0, 1));

function date(raw: string | undefined, fallback: Date): Date {
  if (raw === undefined) return fallback;
  const parsed = parseObpDate(raw);
  if (!parsed) throw ObpException.of('FilterDateFormatError', `Current value: ${raw.slice(0, 40)}`);
  return parsed;
}

export function parseListQuery(query: Record<string, unknown>): ListQuery {
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw ObpException.of('InvalidFilterParameterFormat', `${name} may appear only once`);
    return value;
  };
  const { limit, offset } = parsePaging(text('limit'), text('offset'));
  const direction = (text('sort_direction') ?? 'ASC').toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC') throw ObpException.of('FilterSortDirectionError');
  const fromDate = date(text('from_date'), EPOCH);
  const toDate = date(text('to_date'), FAR_FUTURE);
  const otherParameters = Object.entries(query)
    .filter(([name]) => !RESERVED.has(name))
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => [name, String(item)] as [string, string]));
  return { limit, offset, sortDirection: direction, fromDate, toDate, otherParameters };
}
