import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TransactionEntity } from '../../transactions/entities/transaction.entity';
import { TransactionItemColumns, transactionRelation } from './transaction-item.columns';

@Entity({ name: 'transaction_images' })
@Index('transaction_images_lookup_idx', ['bankId', 'accountId', 'transactionId', 'viewId', 'createdAt'])
export class TransactionImageEntity extends TransactionItemColumns {
  @PrimaryColumn({ name: 'image_id', type: 'uuid' })
  imageId: string;

  @Column({ type: 'varchar', length: 255 })
  label: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @transactionRelation('transaction_images_transaction_fkey')
  transaction?: TransactionEntity;
}
