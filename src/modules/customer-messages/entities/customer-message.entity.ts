import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CustomerEntity } from '../../customers/entities/customer.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

/**
 * A message from the bank to a customer. v1.4.0 addresses the user linked to the customer
 * (user_id set); v4.0.0 addresses the customer. Both keep customer_id so deleting a customer
 * removes its messages.
 */
@Entity({ name: 'customer_messages' })
@Index('customer_messages_customer_idx', ['customerId', 'createdAt'])
@Index('customer_messages_user_bank_idx', ['userId', 'bankId', 'createdAt'])
export class CustomerMessageEntity {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'customer_messages_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'customer_messages_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'from_department', type: 'text' })
  fromDepartment: string;

  @Column({ name: 'from_person', type: 'text' })
  fromPerson: string;

  @Column({ type: 'text', default: '' })
  transport: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;
}
