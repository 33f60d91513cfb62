import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

/** Columns every client-keyed KYC record (document, check, media) carries besides its keys. */
export abstract class KycRecordBase {
  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  /** Copied from the customer at write time, as OBP returns it with each record. */
  @Column({ name: 'customer_number', type: 'text' })
  customerNumber: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
