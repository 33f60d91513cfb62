import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ConsumerEntity } from './consumer.entity';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

/** A role granted to an application (OBP's Scope): bank_id "" for system roles. */
@Entity({ name: 'scopes' })
@Index('scopes_consumer_bank_role_key', ['consumerId', 'bankId', 'roleName'], { unique: true })
export class ScopeEntity {
  @PrimaryColumn({ name: 'scope_id', type: 'uuid' })
  scopeId: string;

  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @ManyToOne(() => ConsumerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consumer_id', referencedColumnName: 'consumerId', foreignKeyConstraintName: 'scopes_consumer_id_fkey' })
  consumer?: ConsumerEntity;

  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @Column({ name: 'role_name', type: 'text' })
  roleName: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;
}
