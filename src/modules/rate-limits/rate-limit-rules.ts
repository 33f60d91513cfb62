import { PERIOD_SECONDS, PERIODS, type Period, type RateLimitEntity } from '../consumers/entities/rate-limit.entity';
import type { LimitWindow } from './rate-limit-store';

export const PERIOD_COLUMNS: Record<Period, 'perSecond' | 'perMinute' | 'perHour' | 'perDay' | 'perWeek' | 'perMonth'> = {
  second: 'perSecond',
  minute: 'perMinute',
  hour: 'perHour',
  day: 'perDay',
  week: 'perWeek',
  month: 'perMonth',
};

/**
 * The record that governs a call, in OBP's precedence: consumer + version + name, then consumer +
 * name, then consumer + version, then consumer only. Records narrowed to a bank never apply (OBP's
 * lookup always asks for bank_id NULL); records outside their from/to dates never apply.
 */
export function governingLimit(records: readonly RateLimitEntity[], apiVersion: string, apiName: string, now = new Date()): RateLimitEntity | undefined {
  const active = records.filter((r) => r.bankId === null && r.fromDate <= now && now < r.toDate);
  const match = (version: string | null, name: string | null) => active.find((r) => r.apiVersion === version && r.apiName === name);
  return match(apiVersion, apiName) ?? match(null, apiName) ?? match(apiVersion, null) ?? match(null, null);
}

/** The windows with a positive limit, smallest period first (-1 and 0 mean no limit, as in OBP). */
export function windowsOf(record: RateLimitEntity): LimitWindow[] {
  return PERIODS.map((period) => ({ period, limit: Number(record[PERIOD_COLUMNS[period]]), seconds: PERIOD_SECONDS[period] })).filter((w) => w.limit > 0);
}

/** Counters are shared by every call the record governs: its scope is the key (OBP's consumer+name+version+bank). */
export function scopeKey(record: RateLimitEntity): string {
  return [record.consumerId, record.apiName ?? '', record.apiVersion ?? '', record.bankId ?? ''].join('|');
}

/** "4.0.0" and "v4.0.0" name the same version; stored and compared as "v4.0.0". */
export function normaliseApiVersion(version: string | null | undefined): string | null {
  if (!version) return null;
  return /^\d+\.\d+\.\d+$/.test(version) ? `v${version}` : version;
}
