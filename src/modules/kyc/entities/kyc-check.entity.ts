import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KycRecordBase } from './kyc-record.base';
import { CustomerEntity } from '../../customers/entities/customer.entity';

/** A KYC check performed by staff. Client-chosen id (PUT is an upsert), unique per customer. */
@Entity({ name: 'kyc_checks' })
export class KycCheckEntity extends KycRecordBase {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @PrimaryColumn({ name: 'kyc_check_id', type: 'text' })
  kycCheckId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'kyc_checks_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ type: 'timestamptz' })
  date: Date;

  @Column({ type: 'text' })
  how: string;

  @Column({ name: 'staff_user_id', type: 'text' })
  staffUserId: string;

  @Column({ name: 'staff_name', type: 'text' })
  staffName: string;

  @Column({ type: 'boolean' })
  satisfied: boolean;

  @Column({ type: 'text' })
  comments: string;
}
