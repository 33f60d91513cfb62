import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { isForeignKeyViolation, isUniqueViolation } from '../../database/postgres-errors';
import { ApiCollectionEndpointEntity } from './entities/api-collection-endpoint.entity';
import { ApiCollectionEntity } from './entities/api-collection.entity';

const COLLECTION_NAME_KEY = 'api_collections_user_name_key';
const ENDPOINT_OPERATION_KEY = 'api_collection_endpoints_collection_operation_key';

/** The only place API collections touch the database. Every lookup is served by a primary key or a unique index. */
@Injectable()
export class ApiCollectionsRepository {
  constructor(
    @InjectRepository(ApiCollectionEntity) private readonly collections: Repository<ApiCollectionEntity>,
    @InjectRepository(ApiCollectionEndpointEntity) private readonly endpoints: Repository<ApiCollectionEndpointEntity>,
  ) {}

  /** The new collection, or undefined when the user already has one of that name (the unique index decides). */
  async insertCollection(userId: string, name: string, isSharable: boolean, description: string): Promise<ApiCollectionEntity | undefined> {
    const collection = this.collections.create({ apiCollectionId: randomUUID(), userId, name, isSharable, description });
    try {
      return await this.collections.save(collection);
    } catch (error) {
      if (isUniqueViolation(error, COLLECTION_NAME_KEY)) return undefined;
      throw error;
    }
  }

  byId(apiCollectionId: string): Promise<ApiCollectionEntity | null> {
    return this.collections.findOneBy({ apiCollectionId });
  }

  byUserAndName(userId: string, name: string): Promise<ApiCollectionEntity | null> {
    return this.collections.findOneBy({ userId, name });
  }

  /** The collections among these ids (unknown ids are skipped). */
  byIds(apiCollectionIds: string[]): Promise<ApiCollectionEntity[]> {
    return apiCollectionIds.length === 0 ? Promise.resolve([]) : this.collections.findBy({ apiCollectionId: In(apiCollectionIds) });
  }

  /** Every user's collections (the management read), by name, then owner. */
  all(): Promise<ApiCollectionEntity[]> {
    return this.collections.find({ order: { name: 'ASC', userId: 'ASC', apiCollectionId: 'ASC' } });
  }

  /** The updated collection; undefined when it is gone, 'duplicate' when the owner has another collection of that name. */
  async updateCollection(
    apiCollectionId: string,
    userId: string,
    changes: { name: string; isSharable: boolean; description: string },
  ): Promise<ApiCollectionEntity | 'duplicate' | undefined> {
    try {
      await this.collections.update({ apiCollectionId, userId }, changes);
    } catch (error) {
      if (isUniqueViolation(error, COLLECTION_NAME_KEY)) return 'duplicate';
      throw error;
    }
    // Read back rather than trust the driver's affected-row count (not every driver reports it).
    const updated = await this.byId(apiCollectionId);
    return updated?.userId === userId ? updated : undefined;
  }

  ofUser(userId: string): Promise<ApiCollectionEntity[]> {
    return this.collections.find({ where: { userId }, order: { name: 'ASC' } });
  }

  /** Deletes the collection (its endpoints go with it, ON DELETE CASCADE); whether a row went. */
  async deleteCollection(apiCollectionId: string, userId: string): Promise<boolean> {
    const result = await this.collections.delete({ apiCollectionId, userId });
    return (result.affected ?? 0) > 0;
  }

  /** The new endpoint; 'duplicate' when the operation id is already in the collection, 'gone' when the collection was just deleted. */
  async insertEndpoint(apiCollectionId: string, operationId: string): Promise<ApiCollectionEndpointEntity | 'duplicate' | 'gone'> {
    const endpoint = this.endpoints.create({ apiCollectionEndpointId: randomUUID(), apiCollectionId, operationId });
    try {
      return await this.endpoints.save(endpoint);
    } catch (error) {
      if (isUniqueViolation(error, ENDPOINT_OPERATION_KEY)) return 'duplicate';
      if (isForeignKeyViolation(error)) return 'gone';
      throw error;
    }
  }

  endpointsOf(apiCollectionId: string): Promise<ApiCollectionEndpointEntity[]> {
    return this.endpoints.find({ where: { apiCollectionId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  endpoint(apiCollectionId: string, operationId: string): Promise<ApiCollectionEndpointEntity | null> {
    return this.endpoints.findOneBy({ apiCollectionId, operationId });
  }

  endpointById(apiCollectionId: string, apiCollectionEndpointId: string): Promise<ApiCollectionEndpointEntity | null> {
    return this.endpoints.findOneBy({ apiCollectionId, apiCollectionEndpointId });
  }

  async deleteEndpoint(apiCollectionEndpointId: string): Promise<boolean> {
    const result = await this.endpoints.delete({ apiCollectionEndpointId });
    return (result.affected ?? 0) > 0;
  }
}
