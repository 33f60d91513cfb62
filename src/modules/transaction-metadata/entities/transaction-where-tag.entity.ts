import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TransactionEntity } from '../../transactions/entities/transaction.entity';
import { TransactionItemColumns, transactionRelation } from './transaction-item.columns';

/** At most one where tag per transaction and metadata view: the unique index says so (and is the upsert target). */
@Entity({ name: 'transaction_where_tags' })
@Index('transaction_where_tags_one_per_view_key', ['bankId', 'accountId', 'transactionId', 'viewId'], { unique: true })
export class TransactionWhereTagEntity extends TransactionItemColumns {
  @PrimaryColumn({ name: 'where_tag_id', type: 'uuid' })
  whereTagId: string;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  /** When it was last set: OBP's where-tag date. */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @transactionRelation('transaction_where_tags_transaction_fkey')
  transaction?: TransactionEntity;
}
