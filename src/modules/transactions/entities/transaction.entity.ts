import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';

/**
 * A posted transaction of an account. The counterparty is carried inline, as in OBP; its implicit
 * id (a hash, see implicit-counterparty-id.ts) is stored so lookups by OTHER_ACCOUNT_ID use an index.
 */
@Entity({ name: 'transactions' })
@Index('transactions_account_completed_idx', ['bankId', 'accountId', 'completed', 'transactionId'])
@Index('transactions_account_counterparty_idx', ['bankId', 'accountId', 'counterpartyId'])
export class TransactionEntity {
  @PrimaryColumn({ name: 'bank_id', type: 'text' })
  bankId: string;

  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId: string;

  @PrimaryColumn({ name: 'transaction_id', type: 'text' })
  transactionId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'bank_id', referencedColumnName: 'bankId', foreignKeyConstraintName: 'transactions_account_fkey' },
    { name: 'account_id', referencedColumnName: 'accountId', foreignKeyConstraintName: 'transactions_account_fkey' },
  ])
  account?: AccountEntity;

  @Column({ name: 'transaction_type', type: 'text', default: '' })
  transactionType: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Minor units of `currency` (the account's currency), signed. */
  @Column({ type: 'bigint' })
  amount: string;

  @Column({ name: 'new_balance', type: 'bigint' })
  newBalance: string;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'timestamptz' })
  posted: Date;

  /** Lists filter and sort on this date, as OBP does. */
  @Column({ type: 'timestamptz' })
  completed: Date;

  @Column({ name: 'counterparty_id', type: 'text' })
  counterpartyId: string;

  @Column({ name: 'counterparty_name', type: 'text', default: '' })
  counterpartyName: string;

  @Column({ name: 'counterparty_account_number', type: 'text', default: '' })
  counterpartyAccountNumber: string;

  @Column({ name: 'counterparty_routing_scheme', type: 'text', default: '' })
  counterpartyRoutingScheme: string;

  @Column({ name: 'counterparty_routing_address', type: 'text', default: '' })
  counterpartyRoutingAddress: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
