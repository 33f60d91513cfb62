import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CustomerEntity } from '../../customers/entities/customer.entity';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

/** A customer's request to change their credit limit (OBP only ever mocked these). */
@Entity({ name: 'credit_limit_requests' })
@Index('credit_limit_requests_customer_idx', ['customerId', 'createdAt'])
export class CreditLimitRequestEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'credit_limit_requests_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId: string;

  @Column({ name: 'short_reference', type: 'text' })
  shortReference: string;

  @Column({ name: 'requested_current_rate_amount1', type: 'text' })
  requestedCurrentRateAmount1: string;

  @Column({ name: 'requested_current_rate_amount2', type: 'text' })
  requestedCurrentRateAmount2: string;

  @Column({ name: 'requested_current_valid_end_date', type: 'text' })
  requestedCurrentValidEndDate: string;

  @Column({ name: 'current_credit_documentation', type: 'text' })
  currentCreditDocumentation: string;

  @Column({ name: 'temporary_requested_current_amount', type: 'text' })
  temporaryRequestedCurrentAmount: string;

  @Column({ name: 'requested_temporary_valid_end_date', type: 'text' })
  requestedTemporaryValidEndDate: string;

  @Column({ name: 'temporary_credit_documentation', type: 'text' })
  temporaryCreditDocumentation: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;
}
