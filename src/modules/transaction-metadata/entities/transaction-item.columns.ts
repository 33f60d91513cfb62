import { Column, CreateDateColumn, JoinColumn, ManyToOne } from 'typeorm';
import { TransactionEntity } from '../../transactions/entities/transaction.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

/**
 * Columns every piece of transaction metadata posted by a user carries: the transaction, the
 * metadata view it is stored under (views.md §5), the poster and the date.
 */
export abstract class TransactionItemColumns {
  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @Column({ name: 'account_id', type: 'text' })
  accountId: string;

  @Column({ name: 'transaction_id', type: 'text' })
  transactionId: string;

  /** The metadata view: a custom view's metadata_view, else the view itself. */
  @Column({ name: 'view_id', type: 'text' })
  viewId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;
}

/** The foreign key to the transaction, shared by the item tables. */
export function transactionRelation(constraint: string) {
  return (target: object, property: string) => {
    ManyToOne(() => TransactionEntity, { onDelete: 'CASCADE' })(target, property);
    JoinColumn([
      { name: 'bank_id', referencedColumnName: 'bankId', foreignKeyConstraintName: constraint },
      { name: 'account_id', referencedColumnName: 'accountId', foreignKeyConstraintName: constraint },
      { name: 'transaction_id', referencedColumnName: 'transactionId', foreignKeyConstraintName: constraint },
    ])(target, property);
  };
}
