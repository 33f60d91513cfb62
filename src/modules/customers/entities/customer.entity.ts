import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { BankEntity } from '../../banks/entities/bank.entity';

/**
 * A bank's customer. customer_number is unique per bank (database constraint, so concurrent
 * creates cannot both win). Optional OBP fields are nullable and read back as OBP renders them.
 */
@Entity({ name: 'customers' })
@Index('customers_bank_number_key', ['bankId', 'customerNumber'], { unique: true })
// Listing order (last_ok_date, customer_id), at one bank and across banks: pages come straight off the index.
@Index('customers_bank_last_ok_idx', ['bankId', 'lastOkDate', 'customerId'])
@Index('customers_last_ok_idx', ['lastOkDate', 'customerId'])
// GIN trigram index for phone LIKE '%...%' searches; created in the migration (TypeORM cannot express it).
@Index('customers_mobile_phone_trgm_idx', { synchronize: false })
// Covering (bank_id, customer_id) INCLUDE (mobile_phone_number) for paged phone searches; in the migration.
@Index('customers_bank_phone_page_idx', { synchronize: false })
export class CustomerEntity {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @ManyToOne(() => BankEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bank_id', foreignKeyConstraintName: 'customers_bank_id_fkey' })
  bank?: BankEntity;

  @Column({ name: 'customer_number', type: 'text' })
  customerNumber: string;

  @Column({ name: 'legal_name', type: 'text' })
  legalName: string;

  @Column({ name: 'mobile_phone_number', type: 'text' })
  mobilePhoneNumber: string;

  @Column({ type: 'text', default: '' })
  email: string;

  @Column({ name: 'face_image_url', type: 'text', default: '' })
  faceImageUrl: string;

  @Column({ name: 'face_image_date', type: 'timestamptz', nullable: true })
  faceImageDate: Date | null;

  @Column({ name: 'date_of_birth', type: 'timestamptz', nullable: true })
  dateOfBirth: Date | null;

  @Column({ name: 'relationship_status', type: 'text', default: '' })
  relationshipStatus: string;

  @Column({ type: 'integer', default: 0 })
  dependants: number;

  @Column({ name: 'dob_of_dependants', type: 'timestamptz', array: true, default: () => "'{}'" })
  dobOfDependants: Date[];

  @Column({ name: 'credit_rating', type: 'text', default: '' })
  creditRating: string;

  @Column({ name: 'credit_source', type: 'text', default: '' })
  creditSource: string;

  @Column({ name: 'credit_limit_currency', type: 'text', default: '' })
  creditLimitCurrency: string;

  @Column({ name: 'credit_limit_amount', type: 'text', default: '' })
  creditLimitAmount: string;

  @Column({ name: 'highest_education_attained', type: 'text', default: '' })
  highestEducationAttained: string;

  @Column({ name: 'employment_status', type: 'text', default: '' })
  employmentStatus: string;

  @Column({ name: 'kyc_status', type: 'boolean', default: false })
  kycStatus: boolean;

  @Column({ name: 'last_ok_date', type: 'timestamptz', nullable: true })
  lastOkDate: Date | null;

  @Column({ type: 'text', default: '' })
  title: string;

  @Column({ name: 'branch_id', type: 'text', default: '' })
  branchId: string;

  @Column({ name: 'name_suffix', type: 'text', default: '' })
  nameSuffix: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
