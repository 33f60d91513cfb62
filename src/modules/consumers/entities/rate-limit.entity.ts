import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ConsumerEntity } from './consumer.entity';

/** The six counting periods, smallest first (OBP checks them in this order). */
export const PERIODS = ['second', 'minute', 'hour', 'day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_SECONDS: Record<Period, number> = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800, month: 2592000 };

/**
 * A consumer's call limits (OBP's RateLimiting row), optionally narrowed to a bank, an API version
 * and/or an API (OBP function name), valid from from_date to to_date. -1 means unlimited. At most
 * one row per (consumer, bank, version, name): a unique index on the COALESCEd key, made in the
 * migration because NULLs would otherwise never collide.
 */
@Entity({ name: 'rate_limits' })
@Index('rate_limits_scope_key', { synchronize: false })
export class RateLimitEntity {
  @PrimaryColumn({ name: 'rate_limit_id', type: 'uuid' })
  rateLimitId: string;

  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @ManyToOne(() => ConsumerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consumer_id', referencedColumnName: 'consumerId', foreignKeyConstraintName: 'rate_limits_consumer_id_fkey' })
  consumer?: ConsumerEntity;

  @Column({ name: 'bank_id', type: 'text', nullable: true })
  bankId: string | null;

  @Column({ name: 'api_version', type: 'text', nullable: true })
  apiVersion: string | null;

  @Column({ name: 'api_name', type: 'text', nullable: true })
  apiName: string | null;

  @Column({ name: 'from_date', type: 'timestamptz' })
  fromDate: Date;

  @Column({ name: 'to_date', type: 'timestamptz' })
  toDate: Date;

  @Column({ name: 'per_second', type: 'bigint', default: -1 })
  perSecond: string;

  @Column({ name: 'per_minute', type: 'bigint', default: -1 })
  perMinute: string;

  @Column({ name: 'per_hour', type: 'bigint', default: -1 })
  perHour: string;

  @Column({ name: 'per_day', type: 'bigint', default: -1 })
  perDay: string;

  @Column({ name: 'per_week', type: 'bigint', default: -1 })
  perWeek: string;

  @Column({ name: 'per_month', type: 'bigint', default: -1 })
  perMonth: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
