import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

/** A user: local (password, provider = this server's hostname) or from an OAuth2/OIDC issuer. */
@Entity({ name: 'users' })
@Index('users_provider_username_key', ['provider', 'username'], { unique: true })
@Index('users_provider_provider_id_key', ['provider', 'providerId'], { unique: true })
// Usernames are unique per provider in any letter case: an index on lower(username), made by the
// LoginSecurity migration (TypeORM cannot express it, so it must leave it alone).
@Index('users_provider_lower_username_key', { synchronize: false })
// Also unique: (provider, lower(username)) where not username_case_duplicate, an expression index made by the LoginSecurity migration.
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

  /** An administrator's lock (OBP's lock_via_api): lasts until an administrator lifts it. */
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  /** End of an automatic lock after too many failed logins; the lock is over once this has passed. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** Automatic locks since the last successful login or unlock: each lasts twice as long as the one before. */
  @Column({ name: 'lock_count', type: 'integer', default: 0 })
  lockCount: number;

  @Column({ name: 'last_failure_at', type: 'timestamptz', nullable: true })
  lastFailureAt: Date | null;

  /** A case variant of an older user's name that existed before names became unique regardless of case (see the LoginSecurity migration). */
  @Column({ name: 'username_case_duplicate', type: 'boolean', default: false })
  usernameCaseDuplicate: boolean;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;
}

/** Columns a new user row leaves at their defaults: login failures, locks, deletion. */
export type LoginStateColumns = 'badLoginAttempts' | 'lockedAt' | 'lockedUntil' | 'lockCount' | 'lastFailureAt' | 'usernameCaseDuplicate' | 'deletedAt';
