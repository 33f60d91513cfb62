import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';
import { UserEntity } from '../../users/entities/user.entity';

/** OBP's AccountAccess: `user_id` may use view `view_id` (system or custom) on the account. */
@Entity({ name: 'account_access' })
@Index('account_access_user_idx', ['userId', 'bankId'])
export class AccountAccessEntity {
  @PrimaryColumn({ name: 'bank_id', type: 'text' })
  bankId: string;

  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId: string;

  @PrimaryColumn({ name: 'view_id', type: 'text' })
  viewId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** "ALL_CONSUMERS": any app may use the grant (the only kind this server creates). */
  @PrimaryColumn({ name: 'consumer_id', type: 'text', default: 'ALL_CONSUMERS' })
  consumerId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'bank_id', referencedColumnName: 'bankId', foreignKeyConstraintName: 'account_access_account_fkey' },
    { name: 'account_id', referencedColumnName: 'accountId', foreignKeyConstraintName: 'account_access_account_fkey' },
  ])
  account?: AccountEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'account_access_user_id_fkey' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
