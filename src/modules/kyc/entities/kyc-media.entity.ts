import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KycRecordBase } from './kyc-record.base';
import { CustomerEntity } from '../../customers/entities/customer.entity';
import { KycCheckEntity } from './kyc-check.entity';
import { KycDocumentEntity } from './kyc-document.entity';

/**
 * A scan or photo. It may point at a document and/or a check; the composite foreign keys include
 * customer_id, so the database itself refuses a reference to another customer's document or check.
 */
@Entity({ name: 'kyc_media' })
@Index('kyc_media_document_idx', ['customerId', 'relatesToKycDocumentId'])
@Index('kyc_media_check_idx', ['customerId', 'relatesToKycCheckId'])
export class KycMediaEntity extends KycRecordBase {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @PrimaryColumn({ name: 'kyc_media_id', type: 'text' })
  kycMediaId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'kyc_media_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'timestamptz' })
  date: Date;

  @Column({ name: 'relates_to_kyc_document_id', type: 'text', nullable: true })
  relatesToKycDocumentId: string | null;

  @ManyToOne(() => KycDocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'customer_id', referencedColumnName: 'customerId', foreignKeyConstraintName: 'kyc_media_document_fkey' },
    { name: 'relates_to_kyc_document_id', referencedColumnName: 'kycDocumentId' },
  ])
  document?: KycDocumentEntity;

  @Column({ name: 'relates_to_kyc_check_id', type: 'text', nullable: true })
  relatesToKycCheckId: string | null;

  @ManyToOne(() => KycCheckEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'customer_id', referencedColumnName: 'customerId', foreignKeyConstraintName: 'kyc_media_check_fkey' },
    { name: 'relates_to_kyc_check_id', referencedColumnName: 'kycCheckId' },
  ])
  check?: KycCheckEntity;
}
