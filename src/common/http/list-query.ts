import { ObpException } from '../errors/obp.exception';
import { documentedInput, queryOf, type InputParameter } from './documented-input';
import { parseObpDate } from './obp-date';
import { PAGING_PARAMETERS, parsePaging, single, type Paging } from './paging';

/** OBP's list query parameters (limit, offset, sort_direction, from_date, to_date). */
export interface ListQuery extends Paging {
  sortDirection: 'ASC' | 'DESC';
  fromDate: Date;
  toDate: Date;
  /** Every other parameter: name=value filters (customer attributes, for the endpoints that use them). */
  otherParameters: [string, string][];
}

const DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (UTC; the milliseconds may be left out)";

/** The parameters parseListQuery reads, as OpenAPI declares them. */
export const LIST_QUERY_PARAMETERS: readonly InputParameter[] = [
  ...PAGING_PARAMETERS,
  {
    name: 'sort_direction',
    in: 'query',
    description: 'ASC (the default) or DESC, in any case.',
    schema: { type: 'string', enum: ['ASC', 'DESC'], default: 'ASC' },
  },
  {
    name: 'from_date',
    in: 'query',
    description: `Only items dated at or after this instant, ${DATE_FORMAT}.`,
    schema: { type: 'string', example: '1970-01-01T00:00:00.000Z' },
  },
  {
    name: 'to_date',
    in: 'query',
    description: `Only items dated at or before this instant, ${DATE_FORMAT}.`,
    schema: { type: 'string', example: '2100-01-01T00:00:00.000Z' },
  },
];

/** Any other NAME=VALUE pair in the query string, for the endpoints that filter by customer attribute. */
export const ATTRIBUTE_FILTERS: InputParameter = {
  name: 'attributes',
  in: 'query',
  description:
    'Customer attribute filters: every other query parameter NAME=VALUE keeps the customers having an attribute NAME with that VALUE; ' +
    'several filters are OR-ed. Sent as separate parameters (?TAX_NUMBER=123&CITY=Berlin), not as one named "attributes".',
  schema: { type: 'object', additionalProperties: { type: 'string' }, example: { TAX_NUMBER: '123456789' } },
  freeForm: true,
};

const RESERVED = new Set(LIST_QUERY_PARAMETERS.map((parameter) => parameter.name));
const EPOCH = new Date(0);
const FAR_FUTURE = new Date(Date.UTC(4000, 0, 1));

function date(raw: string | undefined, fallback: Date): Date {
  if (raw === undefined) return fallback;
  const parsed = parseObpDate(raw);
  if (!parsed) throw ObpException.of('FilterDateFormatError', `Current value: ${raw.slice(0, 40)}`);
  return parsed;
}

export function parseListQuery(query: Record<string, unknown>): ListQuery {
  const { limit, offset } = parsePaging(single(query, 'limit'), single(query, 'offset'));
  const direction = (single(query, 'sort_direction') ?? 'ASC').toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC') throw ObpException.of('FilterSortDirectionError');
  const fromDate = date(single(query, 'from_date'), EPOCH);
  const toDate = date(single(query, 'to_date'), FAR_FUTURE);
  return { limit, offset, sortDirection: direction, fromDate, toDate, otherParameters: queryPairs(query, RESERVED) };
}

/** NAME=VALUE pairs of the query string, repeated names giving several pairs, except the `reserved` names. */
export function queryPairs(query: Record<string, unknown>, reserved: ReadonlySet<string> = new Set()): [string, string][] {
  return Object.entries(query)
    .filter(([name]) => !reserved.has(name))
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => [name, String(item)] as [string, string]));
}

/**
 * The handler's ListQuery, parsed from the query string, and the OpenAPI declaration of the
 * parameters it reads; `attributeFilters` documents the NAME=VALUE filters in otherParameters.
 */
export function ListQueryParams(options: { attributeFilters?: boolean } = {}): ParameterDecorator {
  const parameters = options.attributeFilters ? [...LIST_QUERY_PARAMETERS, ATTRIBUTE_FILTERS] : LIST_QUERY_PARAMETERS;
  return documentedInput(parameters, (request) => parseListQuery(queryOf(request)));
}

/** Every query parameter as a NAME=VALUE attribute filter (nothing reserved), declared as free-form. */
export function AttributeFilterQuery(): ParameterDecorator {
  return documentedInput([ATTRIBUTE_FILTERS], (request) => queryPairs(queryOf(request)));
}
