import { Injectable } from '@nestjs/common';
import { ObpException } from '../../common/errors/obp.exception';
import { EndpointRegistry } from '../../common/endpoint/endpoint-registry';
import type { ApiCollectionOperationIds } from '../../common/endpoint/api-collection-operation-ids';
import { isUuid } from '../../common/http/ids';
import { UsersService } from '../users/users.service';
import { ApiCollectionsRepository } from './api-collections.repository';
import type { PostApiCollectionJson400 } from './dto/api-collection.json';
import type { ApiCollectionEndpointEntity } from './entities/api-collection-endpoint.entity';
import type { ApiCollectionEntity } from './entities/api-collection.entity';

const MAX_NAME = 100;
const MAX_DESCRIPTION = 2000;

/** Caller-supplied text echoed in an error message, bounded. */
function echo(value: string): string {
  return value.slice(0, 100);
}

/** How a request addresses a collection: by name (always the caller's) or by id. */
export type CollectionRef = { name: string } | { id: string };

/**
 * API collections (OBP's v4.0.0 "my/api-collections"). Unlike OBP, a collection addressed by id
 * must be the caller's own (docs/COMPATIBILITY.md); only sharable collections are readable by
 * others, through the sharable endpoint. Errors follow OBP: 400 OBP-30079 for an unknown
 * collection, OBP-30082 for an unknown endpoint, OBP-30085/30086 for duplicates.
 */
@Injectable()
export class ApiCollectionsService implements ApiCollectionOperationIds {
  private operationIds: ReadonlySet<string> | undefined;

  constructor(
    private readonly repository: ApiCollectionsRepository,
    private readonly registry: EndpointRegistry,
    private readonly users: UsersService,
  ) {}

  async create(userId: string, body: PostApiCollectionJson400): Promise<ApiCollectionEntity> {
    const { name, description } = checkedFields(body, 'CreateApiCollectionError');
    const created = await this.repository.insertCollection(userId, name, body.is_sharable, description);
    if (!created) throw ObpException.of('ApiCollectionAlreadyExists', `Current api_collection_name(${echo(name)}) is already existing for the log in user.`);
    return created;
  }

  /** OBP v5.1.0 update: the caller's own collection only (OBP does not check the owner); a name the owner already uses is 400 OBP-30086. */
  async update(userId: string, apiCollectionId: string, body: PostApiCollectionJson400): Promise<ApiCollectionEntity> {
    const { name, description } = checkedFields(body, 'UpdateApiCollectionError');
    await this.own(userId, { id: apiCollectionId });
    const updated = await this.repository.updateCollection(apiCollectionId, userId, { name, isSharable: body.is_sharable, description });
    if (updated === 'duplicate')
      throw ObpException.of('ApiCollectionAlreadyExists', `Current api_collection_name(${echo(name)}) is already existing for the log in user.`);
    if (!updated) throw collectionNotFound({ id: apiCollectionId });
    return updated;
  }

  /** Every user's collections (CanGetAllApiCollections). */
  all(): Promise<ApiCollectionEntity[]> {
    return this.repository.all();
  }

  /**
   * OBP's featured collections: the configured ids (featured_api_collection_ids), once each,
   * skipping unknown and non-sharable ones, by name.
   */
  async featured(ids: readonly string[]): Promise<ApiCollectionEntity[]> {
    const wanted = [...new Set(ids.map((id) => id.trim()).filter(isUuid))];
    const found = await this.repository.byIds(wanted);
    return found
      .filter((collection) => collection.isSharable)
      .sort((a, b) => a.name.localeCompare(b.name) || a.apiCollectionId.localeCompare(b.apiCollectionId));
  }

  /**
   * A collection whose endpoints the caller may read: a sharable one (anyone, no login needed) or
   * the caller's own. Anything else answers like an unknown id, so private collections are not revealed.
   */
  async readable(userId: string | undefined, apiCollectionId: string): Promise<ApiCollectionEntity> {
    const found = isUuid(apiCollectionId) ? await this.repository.byId(apiCollectionId) : null;
    if (!found || !(found.isSharable || found.userId === userId)) throw collectionNotFound({ id: apiCollectionId });
    return found;
  }

  async readableEndpoints(userId: string | undefined, apiCollectionId: string): Promise<ApiCollectionEndpointEntity[]> {
    return this.repository.endpointsOf((await this.readable(userId, apiCollectionId)).apiCollectionId);
  }

  /** ApiCollectionOperationIds for resource docs: a collection the caller may not read lists nothing, as OBP lists nothing for an unknown id. */
  async operationIdsOf(apiCollectionId: string, userId: string | undefined): Promise<string[]> {
    try {
      return (await this.readableEndpoints(userId, apiCollectionId)).map((endpoint) => endpoint.operationId);
    } catch (error) {
      if (error instanceof ObpException) return [];
      throw error;
    }
  }

  ofUser(userId: string): Promise<ApiCollectionEntity[]> {
    return this.repository.ofUser(userId);
  }

  /** Another user's collections (CanGetApiCollectionsForUser): 404 OBP-20005 for an unknown user, as OBP. */
  async ofOtherUser(userId: string): Promise<ApiCollectionEntity[]> {
    if (!(await this.users.findById(userId))) throw ObpException.of('UserNotFoundById', `Current USER_ID(${echo(userId)})`, 404);
    return this.repository.ofUser(userId);
  }

  /** The caller's collection, by name or by id; someone else's answers like an unknown one. */
  async own(userId: string, ref: CollectionRef): Promise<ApiCollectionEntity> {
    if ('name' in ref) {
      const found = await this.repository.byUserAndName(userId, ref.name);
      if (!found) throw collectionNotFound(ref);
      return found;
    }
    const found = isUuid(ref.id) ? await this.repository.byId(ref.id) : null;
    if (!found || found.userId !== userId) throw collectionNotFound(ref);
    return found;
  }

  /** Anyone's sharable collection (no login needed). */
  async sharable(apiCollectionId: string): Promise<ApiCollectionEntity> {
    const found = isUuid(apiCollectionId) ? await this.repository.byId(apiCollectionId) : null;
    if (!found) throw collectionNotFound({ id: apiCollectionId });
    if (!found.isSharable) throw ObpException.of('ApiCollectionEndpointNotFound', `Current api_collection_id(${echo(apiCollectionId)}) is not sharable.`);
    return found;
  }

  async delete(userId: string, apiCollectionId: string): Promise<void> {
    await this.own(userId, { id: apiCollectionId });
    if (!(await this.repository.deleteCollection(apiCollectionId, userId))) {
      throw ObpException.of('DeleteApiCollectionError', `Current API_COLLECTION_ID(${echo(apiCollectionId)}) `);
    }
  }

  /** OBP's order: the operation id names a documented endpoint (OBP-40048), the collection exists, not a duplicate. */
  async addEndpoint(userId: string, ref: CollectionRef, rawOperationId: string): Promise<ApiCollectionEndpointEntity> {
    const operationId = rawOperationId.trim();
    if (!this.knownOperationIds().has(operationId)) throw ObpException.of('InvalidOperationId', `Current OPERATION_ID(${echo(rawOperationId)})`);
    const collection = await this.own(userId, ref);
    const added = await this.repository.insertEndpoint(collection.apiCollectionId, operationId);
    if (added === 'gone') throw collectionNotFound(ref);
    if (added === 'duplicate') {
      const where = 'name' in ref ? `API_COLLECTION_NAME(${echo(ref.name)})` : `API_COLLECTION_ID(${echo(ref.id)})`;
      throw ObpException.of('ApiCollectionEndpointAlreadyExists', `Current OPERATION_ID(${operationId}) is already in ${where} `);
    }
    return added;
  }

  async endpoints(userId: string, ref: CollectionRef): Promise<ApiCollectionEndpointEntity[]> {
    return this.repository.endpointsOf((await this.own(userId, ref)).apiCollectionId);
  }

  async endpoint(userId: string, ref: CollectionRef, operationId: string): Promise<ApiCollectionEndpointEntity> {
    const collection = await this.own(userId, ref);
    const found = await this.repository.endpoint(collection.apiCollectionId, operationId);
    if (!found) throw endpointNotFound(collection.apiCollectionId, operationId);
    return found;
  }

  async removeEndpoint(userId: string, ref: CollectionRef, operationId: string): Promise<void> {
    const found = await this.endpoint(userId, ref, operationId);
    await this.deleteEndpoint(found);
  }

  async removeEndpointById(userId: string, apiCollectionId: string, apiCollectionEndpointId: string): Promise<void> {
    const collection = await this.own(userId, { id: apiCollectionId });
    const found = isUuid(apiCollectionEndpointId) ? await this.repository.endpointById(collection.apiCollectionId, apiCollectionEndpointId) : null;
    if (!found) throw ObpException.of('ApiCollectionEndpointNotFound', `Current API_COLLECTION_ENDPOINT_ID(${echo(apiCollectionEndpointId)}) `);
    await this.deleteEndpoint(found);
  }

  private async deleteEndpoint(endpoint: ApiCollectionEndpointEntity): Promise<void> {
    if (!(await this.repository.deleteEndpoint(endpoint.apiCollectionEndpointId))) {
      throw ObpException.of('DeleteApiCollectionEndpointError', `Current API_COLLECTION_ENDPOINT_ID(${endpoint.apiCollectionEndpointId}) `);
    }
  }

  /** Every operation id this server documents (all versions), read once from the route table. */
  private knownOperationIds(): ReadonlySet<string> {
    this.operationIds ??= new Set(this.registry.all().map((endpoint) => endpoint.operationId));
    return this.operationIds;
  }
}

/** The lengths OBP's columns hold; a longer value is OBP's create (or update) error naming the limit. */
function checkedFields(body: PostApiCollectionJson400, error: 'CreateApiCollectionError' | 'UpdateApiCollectionError') {
  const name = body.api_collection_name;
  const description = body.description ?? '';
  if (name.length > MAX_NAME) throw ObpException.of(error, `api_collection_name must be at most ${MAX_NAME} characters.`);
  if (description.length > MAX_DESCRIPTION) throw ObpException.of(error, `description must be at most ${MAX_DESCRIPTION} characters.`);
  return { name, description };
}

function collectionNotFound(ref: CollectionRef): ObpException {
  const [parameter, value] = 'name' in ref ? ['API_COLLECTION_NAME', ref.name] : ['API_COLLECTION_ID', ref.id];
  return ObpException.of('ApiCollectionNotFound', `Please specify a valid value for ${parameter}. Current ${parameter}(${echo(value)}) `);
}

function endpointNotFound(apiCollectionId: string, operationId: string): ObpException {
  return ObpException.of('ApiCollectionEndpointNotFound', `Current API_COLLECTION_ID(${apiCollectionId}) and OPERATION_ID(${echo(operationId)}) `);
}
