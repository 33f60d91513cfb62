import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CustomerEntity } from '../../customers/entities/customer.entity';

/** One entry of a customer's append-only KYC timeline (never updated or deleted on its own). */
@Entity({ name: 'kyc_statuses' })
@Index('kyc_statuses_customer_date_idx', ['customerId', 'date', 'kycStatusSeq'])
export class KycStatusEntity {
  /** Insertion order: breaks ties between entries with the same date. */
  @PrimaryGeneratedColumn('increment', { name: 'kyc_status_seq', type: 'bigint' })
  kycStatusSeq: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'kyc_statuses_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ name: 'customer_number', type: 'text' })
  customerNumber: string;

  @Column({ type: 'boolean' })
  ok: boolean;

  @Column({ type: 'timestamptz' })
  date: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
