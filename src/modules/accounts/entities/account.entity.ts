import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BankEntity } from '../../banks/entities/bank.entity';

/** A bank account. Money is held in minor units of `currency` (cents; yen) as a bigint. */
@Entity({ name: 'accounts' })
@Index('accounts_bank_number_idx', ['bankId', 'number'])
export class AccountEntity {
  @PrimaryColumn({ name: 'bank_id', type: 'text' })
  bankId: string;

  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId: string;

  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id', foreignKeyConstraintName: 'accounts_bank_id_fkey' })
  bank?: BankEntity;

  @Column({ type: 'text', default: '' })
  number: string;

  @Column({ type: 'text', default: '' })
  label: string;

  /** OBP's account "type" (v1.2.1-v3.0.0) and "product_code" (v3.1.0 on) are one field. */
  @Column({ name: 'account_type', type: 'text', default: '' })
  accountType: string;

  @Column({ type: 'text' })
  currency: string;

  /** Minor units; pg returns bigint as a string, which keeps it exact. */
  @Column({ type: 'bigint', default: '0' })
  balance: string;

  @Column({ name: 'branch_id', type: 'text', default: '' })
  branchId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
