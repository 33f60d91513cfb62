import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TransactionEntity } from '../../transactions/entities/transaction.entity';
import { TransactionItemColumns, transactionRelation } from './transaction-item.columns';

@Entity({ name: 'transaction_tags' })
@Index('transaction_tags_lookup_idx', ['bankId', 'accountId', 'transactionId', 'viewId', 'createdAt'])
export class TransactionTagEntity extends TransactionItemColumns {
  @PrimaryColumn({ name: 'tag_id', type: 'uuid' })
  tagId: string;

  @Column({ type: 'varchar', length: 64 })
  value: string;

  @transactionRelation('transaction_tags_transaction_fkey')
  transaction?: TransactionEntity;
}
