import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity';
import { CustomerEntity } from './customer.entity';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

/** Links a user to a customer (the customer "is" that user at that bank). */
@Entity({ name: 'user_customer_links' })
@Index('user_customer_links_user_customer_key', ['userId', 'customerId'], { unique: true })
@Index('user_customer_links_customer_idx', ['customerId'])
export class UserCustomerLinkEntity {
  @PrimaryColumn({ name: 'user_customer_link_id', type: 'uuid' })
  userCustomerLinkId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_customer_links_user_id_fkey' })
  user?: UserEntity;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'user_customer_links_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  @Column({ name: 'date_inserted', type: 'timestamptz' })
  dateInserted: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;
}
