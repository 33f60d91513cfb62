/**
 * A date already in OBP's wire format, as formatObpDate writes it: the raw hot reads return their
 * timestamps so (database/pg-wire-dates.ts). Branded, so that no other string passes for one.
 */
export type ObpDateText = string & { readonly obpDateText: true };

/** OBP's wire date format: yyyy-MM-dd'T'HH:mm:ss'Z', always UTC, no milliseconds. */
export function formatObpDate(date: Date): string {
  const iso = date.toISOString();
  // yyyy-MM-ddTHH:mm:ss.SSSZ for years 0 to 9999; the regex only for the six-digit years beyond.
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, 'Z');
}

const OBP_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z$/;

/** Parses OBP's format (milliseconds optional, as OBP's filters allow); undefined if malformed or impossible. */
export function parseObpDate(text: string): Date | undefined {
  const match = OBP_DATE.exec(text);
  if (!match) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject roll-overs such as 2024-02-30, which Date would silently move to March.
  const [, year, month, day] = match;
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() + 1 !== Number(month) || date.getUTCDate() !== Number(day)) {
    return undefined;
  }
  return date;
}
