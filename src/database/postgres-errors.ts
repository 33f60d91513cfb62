import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

interface PgErrorFields {
  code?: string;
  constraint?: string;
}

/**
 * pg's error fields, whether TypeORM wrapped the error (QueryFailedError) or it came straight from the
 * pool (PgQueries); undefined for anything else.
 */
function pgErrorFields(error: unknown): PgErrorFields | undefined {
  if (error instanceof QueryFailedError) return error.driverError as PgErrorFields;
  if (error instanceof Error && typeof (error as PgErrorFields).code === 'string') return error as PgErrorFields;
  return undefined;
}

/** Whether a query failed on a unique constraint (optionally a specific one): the race-safe duplicate check. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const fields = pgErrorFields(error);
  return fields?.code === UNIQUE_VIOLATION && (constraint === undefined || fields.constraint === constraint);
}

/** Whether a query failed on a foreign key: a referenced row vanished between our check and the write. */
export function isForeignKeyViolation(error: unknown): boolean {
  return pgErrorFields(error)?.code === FOREIGN_KEY_VIOLATION;
}
