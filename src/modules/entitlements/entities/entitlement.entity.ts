import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

/** A role granted to a user: at one bank (bank roles) or system-wide with bank_id "" (system roles). */
@Entity({ name: 'entitlements' })
@Index('entitlements_user_bank_role_key', ['userId', 'bankId', 'roleName'], { unique: true })
@Index('entitlements_bank_id_idx', ['bankId'])
export class EntitlementEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'entitlement_id' })
  entitlementId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'entitlements_user_id_fkey' })
  user?: UserEntity;

  @Column({ name: 'bank_id', type: 'text', default: '' })
  bankId: string;

  @Column({ name: 'role_name', type: 'text' })
  roleName: string;

  @Column({ name: 'created_by_process', type: 'text', default: 'manual' })
  createdByProcess: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;
}
