import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TransactionEntity } from '../../transactions/entities/transaction.entity';
import { transactionRelation } from './transaction-item.columns';

/** The owner comment: one per transaction, shared by every view (views.md §5). */
@Entity({ name: 'transaction_narratives' })
export class TransactionNarrativeEntity {
  @PrimaryColumn({ name: 'bank_id', type: 'text' })
  bankId: string;

  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId: string;

  @PrimaryColumn({ name: 'transaction_id', type: 'text' })
  transactionId: string;

  @Column({ type: 'varchar', length: 2000 })
  narrative: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @transactionRelation('transaction_narratives_transaction_fkey')
  transaction?: TransactionEntity;
}
