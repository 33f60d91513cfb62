import { Column } from 'typeorm';

/**
 * The order rows were inserted in, from a per-table sequence. Lists shown "in creation order"
 * sort by created_at and then by this: two rows can share a created_at (the embedded database's
 * clock ticks in milliseconds; on PostgreSQL now() is the transaction's start), and a random
 * UUID would then decide their order differently from one read to the next.
 * Filled by the database, never written or read by the application.
 */
export function CreationSeqColumn(): PropertyDecorator {
  return Column({ name: 'creation_seq', type: 'bigint', generated: 'increment', insert: false, update: false, select: false });
}
