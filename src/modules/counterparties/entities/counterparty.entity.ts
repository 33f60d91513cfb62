import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';

/** An explicit counterparty (OBP's MappedCounterparty): a stored payee of an account, id a UUID. */
@Entity({ name: 'counterparties' })
@Index('counterparties_account_name_key', ['bankId', 'accountId', 'name'], { unique: true })
export class CounterpartyEntity {
  @PrimaryColumn({ name: 'counterparty_id', type: 'uuid' })
  counterpartyId: string;

  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @Column({ name: 'account_id', type: 'text' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'bank_id', referencedColumnName: 'bankId', foreignKeyConstraintName: 'counterparties_account_fkey' },
    { name: 'account_id', referencedColumnName: 'accountId', foreignKeyConstraintName: 'counterparties_account_fkey' },
  ])
  account?: AccountEntity;

  @Column({ name: 'view_id', type: 'text' })
  viewId: string;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: '' })
  currency: string;

  @Column({ name: 'other_account_routing_scheme', type: 'text', default: '' })
  otherAccountRoutingScheme: string;

  @Column({ name: 'other_account_routing_address', type: 'text', default: '' })
  otherAccountRoutingAddress: string;

  @Column({ name: 'other_account_secondary_routing_scheme', type: 'text', default: '' })
  otherAccountSecondaryRoutingScheme: string;

  @Column({ name: 'other_account_secondary_routing_address', type: 'text', default: '' })
  otherAccountSecondaryRoutingAddress: string;

  @Column({ name: 'other_bank_routing_scheme', type: 'text', default: '' })
  otherBankRoutingScheme: string;

  @Column({ name: 'other_bank_routing_address', type: 'text', default: '' })
  otherBankRoutingAddress: string;

  @Column({ name: 'other_branch_routing_scheme', type: 'text', default: '' })
  otherBranchRoutingScheme: string;

  @Column({ name: 'other_branch_routing_address', type: 'text', default: '' })
  otherBranchRoutingAddress: string;

  @Column({ name: 'is_beneficiary', type: 'boolean', default: false })
  isBeneficiary: boolean;

  /** [{key, value}] pairs, as OBP's bespoke list. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  bespoke: { key: string; value: string }[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
