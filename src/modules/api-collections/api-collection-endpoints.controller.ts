import { Controller, Param } from '@nestjs/common';
import { AUTHENTICATED, PUBLIC } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth, OptionalAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import { API_COLLECTION_TAGS } from './api-collections.controller';
import { toApiCollectionEndpointJson } from './api-collections.mapper';
import { ApiCollectionsService } from './api-collections.service';
import { ApiCollectionEndpointJson400, ApiCollectionEndpointsJson400, PostApiCollectionEndpointJson400 } from './dto/api-collection.json';
import { ValidBody } from '../../common/http/valid-body';

const ADD_DESCRIPTION =
  'operation_id must name an endpoint this server documents in its resource docs, on any version (e.g. OBPv4.0.0-getBanks; else 400 OBP-40048) ' +
  'and must not be in the collection yet (else 400 OBP-30085).';

/** The endpoints of the caller's collections, addressed by collection name or by collection id. */
@Controller()
export class ApiCollectionEndpointsController {
  constructor(private readonly collections: ApiCollectionsService) {}

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-createMyApiCollectionEndpoint',
    verb: 'POST',
    path: '/my/api-collections/API_COLLECTION_NAME/api-collection-endpoints',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Create My Api Collection Endpoint',
    description: `Adds an endpoint to the logged-in user's collection named API_COLLECTION_NAME (400 OBP-30079 when there is none). ${ADD_DESCRIPTION}`,
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'InvalidJsonFormat', 'InvalidOperationId', 'ApiCollectionNotFound', 'ApiCollectionEndpointAlreadyExists', 'UnknownError'],
    requestBody: PostApiCollectionEndpointJson400,
    responseBody: ApiCollectionEndpointJson400,
  })
  async createMyApiCollectionEndpoint(
    @CurrentAuth() auth: AuthContext,
    @Param('API_COLLECTION_NAME') name: string,
    @ValidBody() body: PostApiCollectionEndpointJson400,
  ): Promise<ApiCollectionEndpointJson400> {
    return toApiCollectionEndpointJson(await this.collections.addEndpoint(auth.user.userId, { name }, body.operation_id));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-createMyApiCollectionEndpointById',
    verb: 'POST',
    path: '/my/api-collection-ids/API_COLLECTION_ID/api-collection-endpoints',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Create My Api Collection Endpoint By Id',
    description: `Adds an endpoint to the logged-in user's collection API_COLLECTION_ID (400 OBP-30079 when there is none or it is another user's). ${ADD_DESCRIPTION}`,
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'InvalidJsonFormat', 'InvalidOperationId', 'ApiCollectionNotFound', 'ApiCollectionEndpointAlreadyExists', 'UnknownError'],
    requestBody: PostApiCollectionEndpointJson400,
    responseBody: ApiCollectionEndpointJson400,
  })
  async createMyApiCollectionEndpointById(
    @CurrentAuth() auth: AuthContext,
    @Param('API_COLLECTION_ID') id: string,
    @ValidBody() body: PostApiCollectionEndpointJson400,
  ): Promise<ApiCollectionEndpointJson400> {
    return toApiCollectionEndpointJson(await this.collections.addEndpoint(auth.user.userId, { id }, body.operation_id));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getMyApiCollectionEndpoints',
    verb: 'GET',
    path: '/my/api-collections/API_COLLECTION_NAME/api-collection-endpoints',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get My Api Collection Endpoints',
    description: "The endpoints of the logged-in user's collection named API_COLLECTION_NAME, oldest first (400 OBP-30079 when there is none).",
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'ApiCollectionNotFound', 'UnknownError'],
    responseBody: ApiCollectionEndpointsJson400,
  })
  async getMyApiCollectionEndpoints(@CurrentAuth() auth: AuthContext, @Param('API_COLLECTION_NAME') name: string): Promise<ApiCollectionEndpointsJson400> {
    return { api_collection_endpoints: (await this.collections.endpoints(auth.user.userId, { name })).map(toApiCollectionEndpointJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getMyApiCollectionEndpointsById',
    verb: 'GET',
    path: '/my/api-collection-ids/API_COLLECTION_ID/api-collection-endpoints',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get My Api Collection Endpoints By Id',
    description: "The endpoints of the logged-in user's collection API_COLLECTION_ID, oldest first (400 OBP-30079 when there is none or it is another user's).",
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'ApiCollectionNotFound', 'UnknownError'],
    responseBody: ApiCollectionEndpointsJson400,
  })
  async getMyApiCollectionEndpointsById(@CurrentAuth() auth: AuthContext, @Param('API_COLLECTION_ID') id: string): Promise<ApiCollectionEndpointsJson400> {
    return { api_collection_endpoints: (await this.collections.endpoints(auth.user.userId, { id })).map(toApiCollectionEndpointJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getApiCollectionEndpoints',
    verb: 'GET',
    path: '/api-collections/API_COLLECTION_ID/api-collection-endpoints',
    versions: since('4.0.0'),
    access: PUBLIC,
    summary: 'Get Api Collection Endpoints',
    description:
      'The endpoints of the collection API_COLLECTION_ID, oldest first; authentication is optional. Anyone may read a sharable collection, ' +
      "its owner also a private one; any other id (unknown, or another user's private collection) answers 400 OBP-30079 " +
      '(OBP lists any collection here, and nothing for an unknown id).',
    tags: API_COLLECTION_TAGS,
    errors: ['ApiCollectionNotFound', 'UnknownError'],
    responseBody: ApiCollectionEndpointsJson400,
  })
  async getApiCollectionEndpoints(
    @OptionalAuth() auth: AuthContext | undefined,
    @Param('API_COLLECTION_ID') id: string,
  ): Promise<ApiCollectionEndpointsJson400> {
    return { api_collection_endpoints: (await this.collections.readableEndpoints(auth?.user.userId, id)).map(toApiCollectionEndpointJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getMyApiCollectionEndpoint',
    verb: 'GET',
    path: '/my/api-collections/API_COLLECTION_NAME/api-collection-endpoints/OPERATION_ID',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get My Api Collection Endpoint',
    description:
      "One endpoint of the logged-in user's collection named API_COLLECTION_NAME: 400 OBP-30079 without such a collection, 400 OBP-30082 when OPERATION_ID is not in it.",
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'ApiCollectionNotFound', 'ApiCollectionEndpointNotFound', 'UnknownError'],
    responseBody: ApiCollectionEndpointJson400,
  })
  async getMyApiCollectionEndpoint(
    @CurrentAuth() auth: AuthContext,
    @Param('API_COLLECTION_NAME') name: string,
    @Param('OPERATION_ID') operationId: string,
  ): Promise<ApiCollectionEndpointJson400> {
    return toApiCollectionEndpointJson(await this.collections.endpoint(auth.user.userId, { name }, operationId));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-deleteMyApiCollectionEndpoint',
    verb: 'DELETE',
    path: '/my/api-collections/API_COLLECTION_NAME/api-collection-endpoints/OPERATION_ID',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Delete My Api Collection Endpoint',
    description:
      "Removes OPERATION_ID from the logged-in user's collection named API_COLLECTION_NAME (204, empty body): 400 OBP-30079 without such a collection, 400 OBP-30082 when OPERATION_ID is not in it.",
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'ApiCollectionNotFound', 'ApiCollectionEndpointNotFound', 'DeleteApiCollectionEndpointError', 'UnknownError'],
    successStatus: 204,
  })
  async deleteMyApiCollectionEndpoint(
    @CurrentAuth() auth: AuthContext,
    @Param('API_COLLECTION_NAME') name: string,
    @Param('OPERATION_ID') operationId: string,
  ): Promise<void> {
    await this.collections.removeEndpoint(auth.user.userId, { name }, operationId);
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-deleteMyApiCollectionEndpointByOperationId',
    verb: 'DELETE',
    path: '/my/api-collection-ids/API_COLLECTION_ID/api-collection-endpoints/OPERATION_ID',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Delete My Api Collection Endpoint By Id',
    description:
      "Removes OPERATION_ID from the logged-in user's collection API_COLLECTION_ID (204, empty body): 400 OBP-30079 when there is no such collection of the user, 400 OBP-30082 when OPERATION_ID is not in it.",
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'ApiCollectionNotFound', 'ApiCollectionEndpointNotFound', 'DeleteApiCollectionEndpointError', 'UnknownError'],
    successStatus: 204,
  })
  async deleteMyApiCollectionEndpointByOperationId(
    @CurrentAuth() auth: AuthContext,
    @Param('API_COLLECTION_ID') id: string,
    @Param('OPERATION_ID') operationId: string,
  ): Promise<void> {
    await this.collections.removeEndpoint(auth.user.userId, { id }, operationId);
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-deleteMyApiCollectionEndpointById',
    verb: 'DELETE',
    path: '/my/api-collection-ids/API_COLLECTION_ID/api-collection-endpoint-ids/API_COLLECTION_ENDPOINT_ID',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Delete My Api Collection Endpoint By Id',
    description:
      "Removes the entry API_COLLECTION_ENDPOINT_ID from the logged-in user's collection API_COLLECTION_ID (204, empty body): 400 OBP-30079 when there is no such collection of the user, 400 OBP-30082 when the entry is not in it.",
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'ApiCollectionNotFound', 'ApiCollectionEndpointNotFound', 'DeleteApiCollectionEndpointError', 'UnknownError'],
    successStatus: 204,
  })
  async deleteMyApiCollectionEndpointById(
    @CurrentAuth() auth: AuthContext,
    @Param('API_COLLECTION_ID') id: string,
    @Param('API_COLLECTION_ENDPOINT_ID') endpointId: string,
  ): Promise<void> {
    await this.collections.removeEndpointById(auth.user.userId, id, endpointId);
  }
}
