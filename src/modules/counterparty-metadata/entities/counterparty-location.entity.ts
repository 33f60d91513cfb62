import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CounterpartyMetadataEntity } from '../../counterparties/entities/counterparty-metadata.entity';
import { UserEntity } from '../../users/entities/user.entity';

/** A counterparty's corporate or physical location (OBP's where-tag rows), set by a user. */
@Entity({ name: 'counterparty_locations' })
export class CounterpartyLocationEntity {
  @PrimaryColumn({ name: 'counterparty_id', type: 'text' })
  counterpartyId: string;

  @PrimaryColumn({ type: 'text' })
  kind: 'corporate' | 'physical';

  @ManyToOne(() => CounterpartyMetadataEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'counterparty_id', foreignKeyConstraintName: 'counterparty_locations_counterparty_fkey' })
  metadata?: CounterpartyMetadataEntity;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'counterparty_locations_user_id_fkey' })
  user?: UserEntity;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
