import { ObpException } from '../errors/obp.exception';

export interface Paging {
  limit: number;
  offset: number;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 10_000;

/** OBP's limit/offset query parameters: defaults 50/0; limit 1..10000, offset >= 0, else OBP-10025/10024. */
export function parsePaging(rawLimit: string | undefined, rawOffset: string | undefined): Paging {
  const limit = rawLimit === undefined ? DEFAULT_LIMIT : Number(rawLimit);
  const offset = rawOffset === undefined ? 0 : Number(rawOffset);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw ObpException.of('FilterLimitError');
  if (!Number.isInteger(offset) || offset < 0) throw ObpException.of('FilterOffersetError');
  return { limit, offset };
}
