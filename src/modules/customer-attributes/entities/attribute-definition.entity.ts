import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { BankEntity } from '../../banks/entities/bank.entity';

/** Documents an attribute name a bank uses (category "Customer"); one per bank, name and category. */
@Entity({ name: 'attribute_definitions' })
@Index('attribute_definitions_bank_name_category_key', ['bankId', 'name', 'category'], { unique: true })
export class AttributeDefinitionEntity {
  @PrimaryColumn({ name: 'attribute_definition_id', type: 'uuid' })
  attributeDefinitionId: string;

  @Column({ name: 'bank_id', type: 'text' })
  bankId: string;

  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id', foreignKeyConstraintName: 'attribute_definitions_bank_id_fkey' })
  bank?: BankEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: '' })
  alias: string;

  @Column({ name: 'can_be_seen_on_views', type: 'text', array: true, default: () => "'{}'" })
  canBeSeenOnViews: string[];

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
