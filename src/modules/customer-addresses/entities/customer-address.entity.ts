import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CustomerEntity } from '../../customers/entities/customer.entity';

@Entity({ name: 'customer_addresses' })
@Index('customer_addresses_customer_idx', ['customerId', 'insertDate'])
export class CustomerAddressEntity {
  @PrimaryColumn({ name: 'customer_address_id', type: 'uuid' })
  customerAddressId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'customer_addresses_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ name: 'line_1', type: 'text' }) line1: string;
  @Column({ name: 'line_2', type: 'text' }) line2: string;
  @Column({ name: 'line_3', type: 'text' }) line3: string;
  @Column({ type: 'text' }) city: string;
  @Column({ type: 'text' }) county: string;
  @Column({ type: 'text' }) state: string;
  @Column({ type: 'text' }) postcode: string;
  @Column({ name: 'country_code', type: 'text' }) countryCode: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @Column({ type: 'text' }) status: string;

  @CreateDateColumn({ name: 'insert_date', type: 'timestamptz' })
  insertDate: Date;
}
