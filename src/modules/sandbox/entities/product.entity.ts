import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BankEntity } from '../../banks/entities/bank.entity';

/** A bank product (OBP's MappedProduct), loaded by the sandbox import. */
@Entity({ name: 'products' })
export class ProductEntity {
  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id', foreignKeyConstraintName: 'products_bank_id_fkey' })
  bank?: BankEntity;

  @PrimaryColumn({ name: 'bank_id', type: 'text' })
  bankId: string;

  @PrimaryColumn({ name: 'product_code', type: 'text' })
  productCode: string;

  @Column({ type: 'text', default: '' })
  name: string;

  @Column({ type: 'text', default: '' })
  category: string;

  @Column({ type: 'text', default: '' })
  family: string;

  @Column({ name: 'super_family', type: 'text', default: '' })
  superFamily: string;

  @Column({ name: 'more_info_url', type: 'text', default: '' })
  moreInfoUrl: string;

  @Column({ name: 'license_id', type: 'text', default: '' })
  licenseId: string;

  @Column({ name: 'license_name', type: 'text', default: '' })
  licenseName: string;
}
