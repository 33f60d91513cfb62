import { ObpException } from '../errors/obp.exception';
import { documentedInput, queryOf, type InputParameter } from './documented-input';

export interface Paging {
  limit: number;
  offset: number;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 10_000;

/**
 * A whole number written in decimal digits, as a safe integer; else NaN. Number() alone let
 * through "1e20" (an integer, but beyond PostgreSQL's bigint: a 500 in OFFSET), "0x10", " 5"
 * and "" (= 0).
 */
function wholeNumber(raw: string): number {
  if (!/^\d{1,16}$/.test(raw)) return NaN;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : NaN;
}

/** OBP's limit/offset query parameters: defaults 50/0; limit 1..10000, offset 0..2^53-1 in digits, else OBP-10025/10024. */
export function parsePaging(rawLimit: string | undefined, rawOffset: string | undefined): Paging {
  const limit = rawLimit === undefined ? DEFAULT_LIMIT : wholeNumber(rawLimit);
  const offset = rawOffset === undefined ? 0 : wholeNumber(rawOffset);
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw ObpException.of('FilterLimitError');
  if (!(offset >= 0)) throw ObpException.of('FilterOffersetError');
  return { limit, offset };
}

/** limit and offset as OpenAPI declares them, with the page size a missing limit gives; the names parsePaging's callers read. */
export function pagingParameters(defaultLimit = DEFAULT_LIMIT): readonly InputParameter[] {
  return [
    {
      name: 'limit',
      in: 'query',
      description: `Page size, 1 to ${MAX_LIMIT}.`,
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: defaultLimit, example: defaultLimit },
    },
    {
      name: 'offset',
      in: 'query',
      description: 'How many items to skip before the page starts.',
      schema: { type: 'integer', minimum: 0, default: 0, example: 0 },
    },
  ];
}

export const PAGING_PARAMETERS = pagingParameters();

/** The handler's Paging from the limit and offset query parameters, which it also documents. */
export function PagingQuery(): ParameterDecorator {
  return documentedInput(PAGING_PARAMETERS, (request) => {
    const query = queryOf(request);
    return parsePaging(single(query, 'limit'), single(query, 'offset'));
  });
}

/** One value of a query parameter; a repeated parameter is refused, as OBP reads only one. */
export function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw ObpException.of('InvalidFilterParameterFormat', `${name} may appear only once`);
  return value;
}

/** limit and offset as sent (undefined when absent), for a handler that parses them itself after its access check. */
export interface RawPaging {
  limit?: string;
  offset?: string;
}

/**
 * The raw limit and offset, declared like PagingQuery's with the handler's default page size. For
 * lists that check access first (a non-public branch list answers 401 before a bad limit), then
 * parse with parsePaging; a repeated parameter reaches parsePaging joined, as with @Query.
 */
export function RawPagingQuery(defaultLimit: number): ParameterDecorator {
  return documentedInput(pagingParameters(defaultLimit), (request): RawPaging => {
    const query = queryOf(request);
    const raw = (name: string) => {
      const value = query[name];
      return value === undefined ? undefined : Array.isArray(value) ? value.join(',') : (value as string);
    };
    return { limit: raw('limit'), offset: raw('offset') };
  });
}
