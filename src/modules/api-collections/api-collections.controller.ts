import { Controller, Inject, Param } from '@nestjs/common';
import { AUTHENTICATED, anyRole, PUBLIC } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { toApiCollectionJson } from './api-collections.mapper';
import { ApiCollectionsService } from './api-collections.service';
import { ApiCollectionJson400, ApiCollectionsJson400, PostApiCollectionJson400 } from './dto/api-collection.json';
import { ValidBody } from '../../common/http/valid-body';

export const API_COLLECTION_TAGS = ['Api-Collection'];

/** The collections themselves; their endpoints are in ApiCollectionEndpointsController. */
@Controller()
export class ApiCollectionsController {
  constructor(
    private readonly collections: ApiCollectionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-createMyApiCollection',
    verb: 'POST',
    path: '/my/api-collections',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Create My Api Collection',
    description:
      "Creates a collection owned by the logged-in user. api_collection_name (at most 100 characters) must be new among the user's collections " +
      '(else 400 OBP-30086); description is optional (at most 2000 characters, "" when absent). A sharable collection can be read by anyone through ' +
      'GET /api-collections/sharable/API_COLLECTION_ID.',
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'InvalidJsonFormat', 'ApiCollectionAlreadyExists', 'CreateApiCollectionError', 'UnknownError'],
    requestBody: PostApiCollectionJson400,
    responseBody: ApiCollectionJson400,
  })
  async createMyApiCollection(@CurrentAuth() auth: AuthContext, @ValidBody() body: PostApiCollectionJson400): Promise<ApiCollectionJson400> {
    return toApiCollectionJson(await this.collections.create(auth.user.userId, body));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getMyApiCollections',
    verb: 'GET',
    path: '/my/api-collections',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get My Api Collections',
    description: 'Every collection of the logged-in user, by name (an empty list when there are none).',
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'UnknownError'],
    responseBody: ApiCollectionsJson400,
  })
  async getMyApiCollections(@CurrentAuth() auth: AuthContext): Promise<ApiCollectionsJson400> {
    return { api_collections: (await this.collections.ofUser(auth.user.userId)).map(toApiCollectionJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getMyApiCollectionByName',
    verb: 'GET',
    path: '/my/api-collections/name/API_COLLECTION_NAME',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get My Api Collection By Name',
    description: "The logged-in user's collection of that name; 400 OBP-30079 when the user has none.",
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'ApiCollectionNotFound', 'UnknownError'],
    responseBody: ApiCollectionJson400,
  })
  async getMyApiCollectionByName(@CurrentAuth() auth: AuthContext, @Param('API_COLLECTION_NAME') name: string): Promise<ApiCollectionJson400> {
    return toApiCollectionJson(await this.collections.own(auth.user.userId, { name }));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getMyApiCollectionById',
    verb: 'GET',
    path: '/my/api-collections/API_COLLECTION_ID',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get My Api Collection By Id',
    description:
      "The logged-in user's collection with that id; 400 OBP-30079 when there is none or it is another user's (OBP does not check the owner here; " +
      "other users' sharable collections are read through GET /api-collections/sharable/API_COLLECTION_ID).",
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'ApiCollectionNotFound', 'UnknownError'],
    responseBody: ApiCollectionJson400,
  })
  async getMyApiCollectionById(@CurrentAuth() auth: AuthContext, @Param('API_COLLECTION_ID') id: string): Promise<ApiCollectionJson400> {
    return toApiCollectionJson(await this.collections.own(auth.user.userId, { id }));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getSharableApiCollectionById',
    verb: 'GET',
    path: '/api-collections/sharable/API_COLLECTION_ID',
    versions: since('4.0.0'),
    access: PUBLIC,
    summary: 'Get Sharable Api Collection By Id',
    description: "Any user's collection marked is_sharable, no login needed. Unknown id: 400 OBP-30079; a collection that is not sharable: 400 OBP-30082.",
    tags: API_COLLECTION_TAGS,
    errors: ['ApiCollectionNotFound', 'ApiCollectionEndpointNotFound', 'UnknownError'],
    responseBody: ApiCollectionJson400,
  })
  async getSharableApiCollectionById(@Param('API_COLLECTION_ID') id: string): Promise<ApiCollectionJson400> {
    return toApiCollectionJson(await this.collections.sharable(id));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getFeaturedApiCollections',
    verb: 'GET',
    path: '/api-collections/featured',
    versions: since('4.0.0'),
    access: PUBLIC,
    summary: 'Get Featured Api Collections',
    description:
      'The collections this instance features (API Explorer shows them on its home page), no login needed: the ids set in ' +
      'OBP_FEATURED_API_COLLECTION_IDS (OBP: featured_api_collection_ids), once each, by name; unknown and non-sharable ones are left out. ' +
      'An empty list when none is set.',
    tags: API_COLLECTION_TAGS,
    errors: ['UnknownError'],
    responseBody: ApiCollectionsJson400,
  })
  async getFeaturedApiCollections(): Promise<ApiCollectionsJson400> {
    return { api_collections: (await this.collections.featured(this.config.featuredApiCollectionIds)).map(toApiCollectionJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv5.1.0-getAllApiCollections',
    verb: 'GET',
    path: '/management/api-collections',
    versions: since('5.1.0'),
    access: anyRole('CanGetAllApiCollections'),
    summary: 'Get All API Collections',
    description: "Every user's collections, sharable or not, by name.",
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'UnknownError'],
    responseBody: ApiCollectionsJson400,
  })
  async getAllApiCollections(): Promise<ApiCollectionsJson400> {
    return { api_collections: (await this.collections.all()).map(toApiCollectionJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv5.1.0-updateMyApiCollection',
    verb: 'PUT',
    path: '/my/api-collections/API_COLLECTION_ID',
    versions: since('5.1.0'),
    access: AUTHENTICATED,
    summary: 'Update My Api Collection By API_COLLECTION_ID',
    description:
      'Replaces the name, is_sharable and description ("" when absent) of one of the logged-in user\'s collections; its endpoints stay. ' +
      "400 OBP-30079 when there is none or it is another user's (OBP does not check the owner here), 400 OBP-30086 when the user has " +
      'another collection of that name, 400 OBP-3008A naming the limit when the name is over 100 or the description over 2000 characters.',
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'InvalidJsonFormat', 'ApiCollectionNotFound', 'ApiCollectionAlreadyExists', 'UpdateApiCollectionError', 'UnknownError'],
    requestBody: PostApiCollectionJson400,
    responseBody: ApiCollectionJson400,
  })
  async updateMyApiCollection(
    @CurrentAuth() auth: AuthContext,
    @Param('API_COLLECTION_ID') id: string,
    @ValidBody() body: PostApiCollectionJson400,
  ): Promise<ApiCollectionJson400> {
    return toApiCollectionJson(await this.collections.update(auth.user.userId, id, body));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getApiCollectionsForUser',
    verb: 'GET',
    path: '/users/USER_ID/api-collections',
    versions: since('4.0.0'),
    access: anyRole('CanGetApiCollectionsForUser'),
    summary: 'Get Api Collections for User',
    description: 'Every collection of the user USER_ID, sharable or not; 404 OBP-20005 for an unknown user.',
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'UserNotFoundById', 'UnknownError'],
    responseBody: ApiCollectionsJson400,
  })
  async getApiCollectionsForUser(@Param('USER_ID') userId: string): Promise<ApiCollectionsJson400> {
    return { api_collections: (await this.collections.ofOtherUser(userId)).map(toApiCollectionJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-deleteMyApiCollection',
    verb: 'DELETE',
    path: '/my/api-collections/API_COLLECTION_ID',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Delete My Api Collection',
    description:
      "Deletes one of the logged-in user's collections with its endpoints (204, empty body); 400 OBP-30079 when there is none or it is another user's.",
    tags: API_COLLECTION_TAGS,
    errors: ['UserNotLoggedIn', 'ApiCollectionNotFound', 'DeleteApiCollectionError', 'UnknownError'],
    successStatus: 204,
  })
  async deleteMyApiCollection(@CurrentAuth() auth: AuthContext, @Param('API_COLLECTION_ID') id: string): Promise<void> {
    await this.collections.delete(auth.user.userId, id);
  }
}
