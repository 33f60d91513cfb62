import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

/** One routing (IBAN, AccountNumber, ...) of an account; an address is unique per bank and scheme. */
@Entity({ name: 'account_routings' })
@Index('account_routings_bank_scheme_address_key', ['bankId', 'scheme', 'address'], { unique: true })
export class AccountRoutingEntity {
  @PrimaryColumn({ name: 'bank_id', type: 'text' })
  bankId: string;

  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  scheme: string;

  @Column({ type: 'text' })
  address: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'bank_id', referencedColumnName: 'bankId', foreignKeyConstraintName: 'account_routings_account_fkey' },
    { name: 'account_id', referencedColumnName: 'accountId', foreignKeyConstraintName: 'account_routings_account_fkey' },
  ])
  account?: AccountEntity;
}
