import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TransactionEntity } from '../../transactions/entities/transaction.entity';
import { TransactionItemColumns, transactionRelation } from './transaction-item.columns';

@Entity({ name: 'transaction_comments' })
@Index('transaction_comments_lookup_idx', ['bankId', 'accountId', 'transactionId', 'viewId', 'createdAt'])
export class TransactionCommentEntity extends TransactionItemColumns {
  @PrimaryColumn({ name: 'comment_id', type: 'uuid' })
  commentId: string;

  @Column({ type: 'varchar', length: 2000 })
  value: string;

  @transactionRelation('transaction_comments_transaction_fkey')
  transaction?: TransactionEntity;
}
