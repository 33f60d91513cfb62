import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CustomerEntity } from '../../customers/entities/customer.entity';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

@Entity({ name: 'tax_residences' })
@Index('tax_residences_customer_idx', ['customerId', 'createdAt'])
export class TaxResidenceEntity {
  @PrimaryColumn({ name: 'tax_residence_id', type: 'uuid' })
  taxResidenceId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'tax_residences_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ type: 'text' }) domain: string;
  @Column({ name: 'tax_number', type: 'text' }) taxNumber: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;
}
