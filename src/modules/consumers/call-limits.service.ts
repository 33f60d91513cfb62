import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import { formatObpDate, parseObpDate } from '../../common/http/obp-date';
import { normaliseApiVersion, PERIOD_COLUMNS } from '../rate-limits/rate-limit-rules';
import { RateLimitsService } from '../rate-limits/rate-limits.service';
import type { CallLimitPostJson, CallLimitPostJsonV400 } from './dto/consumer.json';
import type { ConsumerEntity } from './entities/consumer.entity';
import { PERIODS, type Period } from './entities/rate-limit.entity';

const LIMIT_FIELDS: Record<Period, keyof CallLimitPostJson> = {
  second: 'per_second_call_limit',
  minute: 'per_minute_call_limit',
  hour: 'per_hour_call_limit',
  day: 'per_day_call_limit',
  week: 'per_week_call_limit',
  month: 'per_month_call_limit',
};

// One row per (consumer, bank, version, name): the unique expression index is the conflict target.
const UPSERT_SQL = `
  INSERT INTO rate_limits (rate_limit_id, consumer_id, bank_id, api_version, api_name, from_date, to_date,
                           per_second, per_minute, per_hour, per_day, per_week, per_month)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT (consumer_id, (COALESCE(bank_id, '')), (COALESCE(api_version, '')), (COALESCE(api_name, '')))
  DO UPDATE SET from_date = EXCLUDED.from_date, to_date = EXCLUDED.to_date,
                per_second = EXCLUDED.per_second, per_minute = EXCLUDED.per_minute, per_hour = EXCLUDED.per_hour,
                per_day = EXCLUDED.per_day, per_week = EXCLUDED.per_week, per_month = EXCLUDED.per_month,
                updated_at = now()`;

/** Reading and setting a consumer's call limits. */
@Injectable()
export class CallLimitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rateLimits: RateLimitsService,
  ) {}

  async set(consumer: ConsumerEntity, body: CallLimitPostJsonV400) {
    const fromDate = parseObpDate(body.from_date)!;
    const toDate = parseObpDate(body.to_date)!;
    if (toDate <= fromDate) throw ObpException.of('InvalidJsonValue', 'to_date must be after from_date');
    await this.dataSource.query(UPSERT_SQL, [
      randomUUID(),
      consumer.consumerId,
      body.bank_id || null,
      normaliseApiVersion(body.api_version),
      body.api_name || null,
      fromDate,
      toDate,
      ...PERIODS.map((period) => body[LIMIT_FIELDS[period]]),
    ]);
    this.rateLimits.invalidate(consumer.consumerId);
    return {
      from_date: formatObpDate(fromDate),
      to_date: formatObpDate(toDate),
      ...Object.fromEntries(PERIODS.map((period) => [LIMIT_FIELDS[period], body[LIMIT_FIELDS[period]]])),
    };
  }

  /** The consumer-wide limits in force ("-1" when none) and the live counters of each period. */
  async current(consumer: ConsumerEntity) {
    const record = await this.rateLimits.consumerWideLimit(consumer.consumerId);
    const state = await this.rateLimits.consumerWideState(consumer.consumerId);
    const limits = Object.fromEntries(PERIODS.map((period) => [LIMIT_FIELDS[period], record ? String(record[PERIOD_COLUMNS[period]]) : '-1']));
    const currentState = Object.fromEntries(
      PERIODS.map((period) => {
        const counter = state.get(period);
        return [`per_${period}`, { calls_made: counter?.count ?? 0, reset_in_seconds: counter?.resetSeconds ?? 0 }];
      }),
    );
    return { ...limits, current_state: currentState };
  }
}
