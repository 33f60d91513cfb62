const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a path id can be a stored UUID. Ids that cannot are "not found" without asking the
 * database (which would reject them as a syntax error).
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
