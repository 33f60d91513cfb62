import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KycRecordBase } from './kyc-record.base';
import { CustomerEntity } from '../../customers/entities/customer.entity';

/** An identity document seen for a customer. The client chooses the id (PUT is an upsert), unique per customer. */
@Entity({ name: 'kyc_documents' })
export class KycDocumentEntity extends KycRecordBase {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @PrimaryColumn({ name: 'kyc_document_id', type: 'text' })
  kycDocumentId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'kyc_documents_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'issue_date', type: 'timestamptz' })
  issueDate: Date;

  @Column({ name: 'issue_place', type: 'text' })
  issuePlace: string;

  @Column({ name: 'expiry_date', type: 'timestamptz' })
  expiryDate: Date;
}
