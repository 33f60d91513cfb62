import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BankEntity } from '../../banks/entities/bank.entity';
import { SiteColumns } from './site.columns';

/** A cash machine, loaded by the sandbox import. */
@Entity({ name: 'atms' })
export class AtmEntity extends SiteColumns {
  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id', foreignKeyConstraintName: 'atms_bank_id_fkey' })
  bank?: BankEntity;

  @PrimaryColumn({ name: 'atm_id', type: 'text' })
  atmId: string;
}
