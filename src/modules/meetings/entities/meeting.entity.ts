import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BankEntity } from '../../banks/entities/bank.entity';
import { UserEntity } from '../../users/entities/user.entity';

export interface ContactDetails {
  name: string;
  mobile_phone: string;
  email_address: string;
}

export interface Invitee {
  contact_details: ContactDetails;
  status: string;
}

/**
 * A customer meeting. creator and invitees are stored as given (JSON); invitee_emails holds their
 * lower-cased addresses so "meetings I am invited to" is one indexed array match.
 */
@Entity({ name: 'meetings' })
@Index('meetings_bank_date_idx', ['bankId', 'meetingDate', 'meetingId'])
@Index('meetings_customer_user_idx', ['customerUserId'])
// GIN index on invitee_emails, created in the migration (TypeORM cannot express the operator class).
@Index('meetings_invitee_emails_idx', { synchronize: false })
export class MeetingEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id', foreignKeyConstraintName: 'meetings_bank_id_fkey' })
  bank?: BankEntity;

  @Column({ name: 'provider_id', type: 'text' })
  providerId: string;

  @Column({ name: 'purpose_id', type: 'text' })
  purposeId: string;

  @Column({ name: 'staff_user_id', type: 'uuid' })
  staffUserId: string;

  @Column({ name: 'customer_user_id', type: 'uuid' })
  customerUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_user_id', foreignKeyConstraintName: 'meetings_customer_user_id_fkey' })
  customerUser?: UserEntity;

  @Column({ name: 'session_id', type: 'text' })
  sessionId: string;

  @Column({ name: 'staff_token', type: 'text' })
  staffToken: string;

  @Column({ name: 'customer_token', type: 'text' })
  customerToken: string;

  @Column({ name: 'meeting_date', type: 'timestamptz' })
  meetingDate: Date;

  @Column({ type: 'jsonb' })
  creator: ContactDetails;

  @Column({ type: 'jsonb' })
  invitees: Invitee[];

  @Column({ name: 'invitee_emails', type: 'text', array: true })
  inviteeEmails: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
