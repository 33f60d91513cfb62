import type { ApiCollectionEndpointJson400, ApiCollectionJson400 } from './dto/api-collection.json';
import type { ApiCollectionEndpointEntity } from './entities/api-collection-endpoint.entity';
import type { ApiCollectionEntity } from './entities/api-collection.entity';

export function toApiCollectionJson(collection: ApiCollectionEntity): ApiCollectionJson400 {
  return {
    api_collection_id: collection.apiCollectionId,
    user_id: collection.userId,
    api_collection_name: collection.name,
    is_sharable: collection.isSharable,
    description: collection.description,
  };
}

export function toApiCollectionEndpointJson(endpoint: ApiCollectionEndpointEntity): ApiCollectionEndpointJson400 {
  return {
    api_collection_endpoint_id: endpoint.apiCollectionEndpointId,
    api_collection_id: endpoint.apiCollectionId,
    operation_id: endpoint.operationId,
  };
}
