import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BankEntity } from '../../banks/entities/bank.entity';

/** A CRM event (call, meeting, campaign touch) with a customer; loaded by the sandbox import. */
@Entity({ name: 'crm_events' })
@Index('crm_events_bank_scheduled_idx', ['bankId', 'scheduledDate', 'crmEventId'])
export class CrmEventEntity {
  @PrimaryColumn({ name: 'crm_event_id', type: 'uuid' })
  crmEventId: string;

  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id', foreignKeyConstraintName: 'crm_events_bank_id_fkey' })
  bank?: BankEntity;

  /** The user the event concerns, when known (OBP filters by bank and user). */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'customer_name', type: 'text', default: '' })
  customerName: string;

  @Column({ name: 'customer_number', type: 'text', default: '' })
  customerNumber: string;

  @Column({ type: 'text', default: '' })
  category: string;

  @Column({ type: 'text', default: '' })
  detail: string;

  @Column({ type: 'text', default: '' })
  channel: string;

  @Column({ name: 'scheduled_date', type: 'timestamptz', nullable: true })
  scheduledDate: Date | null;

  @Column({ name: 'actual_date', type: 'timestamptz', nullable: true })
  actualDate: Date | null;

  @Column({ type: 'text', default: '' })
  result: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
