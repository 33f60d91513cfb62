import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ApiCollectionEntity } from './api-collection.entity';
import { CreationSeqColumn } from '../../../database/creation-seq.column';

/** One endpoint of a collection, by OBP operation id; at most once per collection. */
@Entity({ name: 'api_collection_endpoints' })
@Index('api_collection_endpoints_collection_operation_key', ['apiCollectionId', 'operationId'], { unique: true })
export class ApiCollectionEndpointEntity {
  @PrimaryColumn({ name: 'api_collection_endpoint_id', type: 'uuid', primaryKeyConstraintName: 'api_collection_endpoints_pkey' })
  apiCollectionEndpointId: string;

  @Column({ name: 'api_collection_id', type: 'uuid' })
  apiCollectionId: string;

  @ManyToOne(() => ApiCollectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'api_collection_id', foreignKeyConstraintName: 'api_collection_endpoints_api_collection_id_fkey' })
  apiCollection?: ApiCollectionEntity;

  @Column({ name: 'operation_id', type: 'varchar', length: 100 })
  operationId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @CreationSeqColumn()
  creationSeq?: string;
}
