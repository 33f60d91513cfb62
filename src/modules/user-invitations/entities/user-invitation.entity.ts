import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BankEntity } from '../../banks/entities/bank.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

export type UserInvitationStatus = 'CREATED' | 'FINISHED';

/**
 * An invitation to sign up. Only SHA-256 hashes of its two secrets are stored (the secret is 128 random bits,
 * so a fast hash is enough): a database leak does not reveal usable links.
 */
@Entity({ name: 'user_invitations' })
@Index('user_invitations_secret_hash_key', ['secretHash'], { unique: true })
@Index('user_invitations_mail_secret_hash_key', ['mailSecretHash'], { unique: true })
@Index('user_invitations_bank_created_idx', ['bankId', 'createdAt', 'userInvitationId'])
export class UserInvitationEntity {
  @PrimaryColumn({ name: 'user_invitation_id', type: 'uuid' })
  userInvitationId: string;

  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id', foreignKeyConstraintName: 'user_invitations_bank_id_fkey' })
  bank?: BankEntity;

  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  company: string;

  @Column({ type: 'text' })
  country: string;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'text', default: 'CREATED' })
  status: UserInvitationStatus;

  @Column({ name: 'secret_hash', type: 'text' })
  secretHash: string;

  /** SHA-256 of the secret sent only to the invitee's address; null for invitations older than it. */
  @Column({ name: 'mail_secret_hash', type: 'text', nullable: true })
  mailSecretHash: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  /** The user created with this invitation, once it is FINISHED. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_invitations_user_id_fkey' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
