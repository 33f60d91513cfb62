import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BankEntity } from '../../banks/entities/bank.entity';
import { SiteColumns } from './site.columns';

/** A bank branch, loaded by the sandbox import. */
@Entity({ name: 'branches' })
export class BranchEntity extends SiteColumns {
  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id', foreignKeyConstraintName: 'branches_bank_id_fkey' })
  bank?: BankEntity;

  @PrimaryColumn({ name: 'branch_id', type: 'text' })
  branchId: string;

  @Column({ name: 'lobby_hours', type: 'text', default: '' })
  lobbyHours: string;

  @Column({ name: 'drive_up_hours', type: 'text', default: '' })
  driveUpHours: string;
}
