import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** An e-mail validation token: only its SHA-256 is stored; deleted when used. */
@Entity({ name: 'email_validation_tokens' })
@Index('email_validation_tokens_user_idx', ['userId'])
@Index('email_validation_tokens_expires_idx', ['expiresAt'])
export class EmailValidationTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'text', primaryKeyConstraintName: 'email_validation_tokens_pkey' })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'email_validation_tokens_user_fk' })
  user?: UserEntity;

  /** The address the token was sent to: it proves nothing once the user's e-mail differs. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
