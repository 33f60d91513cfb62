import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CustomerEntity } from './customer.entity';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

/** A typed name/value pair on a customer (STRING, INTEGER, DOUBLE, DATE_WITH_DAY). */
@Entity({ name: 'customer_attributes' })
@Index('customer_attributes_customer_idx', ['customerId', 'createdAt'])
@Index('customer_attributes_bank_name_value_idx', ['bankId', 'name', 'value'])
export class CustomerAttributeEntity {
  @PrimaryColumn({ name: 'customer_attribute_id', type: 'uuid' })
  customerAttributeId: string;

  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'customer_attributes_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
