import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';

/** A custom view of one account (id starts with "_"). System views live in code, not here. */
@Entity({ name: 'custom_views' })
export class CustomViewEntity {
  @PrimaryColumn({ name: 'bank_id', type: 'text' })
  bankId: string;

  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId: string;

  @PrimaryColumn({ name: 'view_id', type: 'text' })
  viewId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'bank_id', referencedColumnName: 'bankId', foreignKeyConstraintName: 'custom_views_account_fkey' },
    { name: 'account_id', referencedColumnName: 'accountId', foreignKeyConstraintName: 'custom_views_account_fkey' },
  ])
  account?: AccountEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The view whose transaction metadata this one reads and writes (its own id when ""). */
  @Column({ name: 'metadata_view', type: 'text', default: '' })
  metadataView: string;

  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic: boolean;

  @Column({ name: 'is_firehose', type: 'boolean', default: false })
  isFirehose: boolean;

  /** "public" | "private" | "": which counterparty alias replaces the real name. */
  @Column({ name: 'which_alias_to_use', type: 'text', default: '' })
  whichAliasToUse: string;

  @Column({ name: 'hide_metadata_if_alias_used', type: 'boolean', default: false })
  hideMetadataIfAliasUsed: boolean;

  /** The permission flags that are on (e.g. "can_see_transaction_amount"). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  permissions: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
