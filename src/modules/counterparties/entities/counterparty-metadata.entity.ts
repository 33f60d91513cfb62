import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';

/**
 * Metadata of a counterparty (implicit or explicit), keyed by counterparty id only, as in OBP; the
 * owning account is kept so public aliases can be unique per account. Empty strings mean "not set".
 */
@Entity({ name: 'counterparty_metadata' })
@Index('counterparty_metadata_account_alias_key', ['bankId', 'accountId', 'publicAlias'], { unique: true, where: `"public_alias" <> ''` })
export class CounterpartyMetadataEntity {
  @PrimaryColumn({ name: 'counterparty_id', type: 'text' })
  counterpartyId: string;

  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @Column({ name: 'account_id', type: 'text' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'bank_id', referencedColumnName: 'bankId', foreignKeyConstraintName: 'counterparty_metadata_account_fkey' },
    { name: 'account_id', referencedColumnName: 'accountId', foreignKeyConstraintName: 'counterparty_metadata_account_fkey' },
  ])
  account?: AccountEntity;

  @Column({ name: 'counterparty_name', type: 'text', default: '' })
  counterpartyName: string;

  @Column({ name: 'public_alias', type: 'varchar', length: 64, default: '' })
  publicAlias: string;

  @Column({ name: 'private_alias', type: 'varchar', length: 64, default: '' })
  privateAlias: string;

  @Column({ name: 'more_info', type: 'varchar', length: 255, default: '' })
  moreInfo: string;

  @Column({ type: 'varchar', length: 2000, default: '' })
  url: string;

  @Column({ name: 'image_url', type: 'varchar', length: 2000, default: '' })
  imageUrl: string;

  @Column({ name: 'open_corporates_url', type: 'varchar', length: 2000, default: '' })
  openCorporatesUrl: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
