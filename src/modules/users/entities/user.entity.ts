import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A user: local (password, provider = this server's hostname) or from an OAuth2/OIDC issuer. */
@Entity({ name: 'users' })
@Index('users_provider_username_key', ['provider', 'username'], { unique: true })
@Index('users_provider_provider_id_key', ['provider', 'providerId'], { unique: true })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column({ type: 'text' })
  provider: string;

  /** For local users the username; for OIDC users the token's `sub`. */
  @Column({ name: 'provider_id', type: 'text' })
  providerId: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'first_name', type: 'text', default: '' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text', default: '' })
  lastName: string;

  /** argon2id hash; null for users who log in elsewhere (OIDC). */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** OBP's `validated`: the user may log in (false until the e-mail is validated when user_account_validated is off). */
  @Column({ type: 'boolean', default: true })
  validated: boolean;

  /** When the user proved the e-mail address (validation link, or an invitation redeemed); null = unverified. Grants by e-mail need it. */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ name: 'bad_login_attempts', type: 'integer', default: 0 })
  badLoginAttempts: number;

  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
