import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity';

/** A user's named list of endpoints (API Explorer's "Favourites"). Names are unique per user, as in OBP. */
@Entity({ name: 'api_collections' })
@Index('api_collections_user_name_key', ['userId', 'name'], { unique: true })
export class ApiCollectionEntity {
  @PrimaryColumn({ name: 'api_collection_id', type: 'uuid', primaryKeyConstraintName: 'api_collections_pkey' })
  apiCollectionId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'api_collections_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'is_sharable', type: 'boolean' })
  isSharable: boolean;

  @Column({ type: 'varchar', length: 2000, default: '' })
  description: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
