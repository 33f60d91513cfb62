import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CustomerEntity } from '../../customers/entities/customer.entity';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

@Entity({ name: 'social_media_handles' })
@Index('social_media_handles_customer_idx', ['customerId', 'createdAt'])
export class SocialMediaHandleEntity {
  @PrimaryColumn({ name: 'social_media_handle_id', type: 'uuid' })
  socialMediaHandleId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'social_media_handles_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text' }) handle: string;
  @Column({ name: 'date_added', type: 'timestamptz', nullable: true }) dateAdded: Date | null;
  @Column({ name: 'date_activated', type: 'timestamptz', nullable: true }) dateActivated: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;
}
