import { Controller, Param } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { between, since } from '../../common/versioning/api-versions';
import { ConsumersService } from './consumers.service';
import { CreateScopeJson, ScopeJson, ScopesJson } from './dto/consumer.json';
import type { ConsumerEntity } from './entities/consumer.entity';
import { ScopesService, toScopeJson } from './scopes.service';
import { ValidBody } from '../../common/http/valid-body';

const TAGS = ['Scope', 'Consumer'];
const CREATE_DESCRIPTION =
  'Grants a role to the consumer. The caller needs CanCreateScopeAtAnyBank, or CanCreateScopeAtOneBank at body.bank_id (checked again after the body); bank_id is "" exactly for system roles.';

@Controller()
export class ScopesController {
  constructor(
    private readonly consumers: ConsumersService,
    private readonly scopes: ScopesService,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-addScope',
    verb: 'POST',
    path: '/consumers/CONSUMER_ID/scopes',
    versions: between('3.0.0', '3.1.0'),
    access: anyRole('CanCreateScopeAtOneBank', 'CanCreateScopeAtAnyBank'),
    summary: 'Create Scope for a Consumer',
    description: `CONSUMER_ID is the numeric id (400 OBP-20024 when unknown). ${CREATE_DESCRIPTION}`,
    tags: TAGS,
    errors: [
      'UserNotLoggedIn',
      'UserHasMissingRoles',
      'ConsumerNotFoundById',
      'InvalidJsonFormat',
      'IncorrectRoleName',
      'EntitlementIsBankRole',
      'EntitlementIsSystemRole',
      'BankNotFound',
      'EntitlementAlreadyExists',
    ],
    successStatus: 201,
    requestBody: CreateScopeJson,
    responseBody: ScopeJson,
  })
  async addScopeV300(@Param('CONSUMER_ID') id: string, @CurrentAuth() auth: AuthContext, @ValidBody() body: CreateScopeJson): Promise<ScopeJson> {
    return toScopeJson(await this.scopes.add(await this.consumers.getByPrimaryKey(id, 'ConsumerNotFoundById'), auth, body));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-addScope',
    verb: 'POST',
    path: '/consumers/CONSUMER_ID/scopes',
    versions: since('4.0.0'),
    access: anyRole('CanCreateScopeAtAnyBank', 'CanCreateScopeAtOneBank'),
    summary: 'Create Scope for a Consumer',
    description: `CONSUMER_ID is the consumer_id (404 OBP-30019 when unknown). ${CREATE_DESCRIPTION}`,
    tags: TAGS,
    errors: [
      'UserNotLoggedIn',
      'UserHasMissingRoles',
      'ConsumerNotFoundByConsumerId',
      'InvalidJsonFormat',
      'IncorrectRoleName',
      'EntitlementIsBankRole',
      'EntitlementIsSystemRole',
      'BankNotFound',
      'EntitlementAlreadyExists',
    ],
    successStatus: 201,
    requestBody: CreateScopeJson,
    responseBody: ScopeJson,
  })
  async addScope(@Param('CONSUMER_ID') consumerId: string, @CurrentAuth() auth: AuthContext, @ValidBody() body: CreateScopeJson): Promise<ScopeJson> {
    return toScopeJson(await this.scopes.add(await this.consumers.getByConsumerId(consumerId), auth, body));
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getScopes',
    verb: 'GET',
    path: '/consumers/CONSUMER_ID/scopes',
    versions: between('3.0.0', '3.1.0'),
    access: anyRole('CanGetEntitlementsForAnyUserAtAnyBank'),
    summary: 'Get Scopes for Consumer',
    description: 'CONSUMER_ID is the numeric id.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'ConsumerNotFoundById'],
    responseBody: ScopesJson,
  })
  async getScopesV300(@Param('CONSUMER_ID') id: string): Promise<ScopesJson> {
    return this.list(await this.consumers.getByPrimaryKey(id, 'ConsumerNotFoundById'));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getScopes',
    verb: 'GET',
    path: '/consumers/CONSUMER_ID/scopes',
    versions: since('4.0.0'),
    access: anyRole('CanGetEntitlementsForAnyUserAtAnyBank'),
    summary: 'Get Scopes for Consumer',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'ConsumerNotFoundByConsumerId'],
    responseBody: ScopesJson,
  })
  async getScopes(@Param('CONSUMER_ID') consumerId: string): Promise<ScopesJson> {
    return this.list(await this.consumers.getByConsumerId(consumerId));
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-deleteScope',
    emptyResponse: true,
    verb: 'DELETE',
    path: '/consumers/CONSUMER_ID/scope/SCOPE_ID',
    versions: since('3.0.0'),
    access: anyRole('CanDeleteScopeAtAnyBank'),
    summary: 'Delete Consumer Scope',
    description:
      "CONSUMER_ID is the consumer_id or, as in v3.0.0, the numeric id; the scope must be that consumer's (400 OBP-20025 otherwise). Answers 200 with an empty body.",
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'ConsumerNotFoundByConsumerId', 'ScopeNotFound'],
    successStatus: 200,
  })
  async deleteScope(@Param('CONSUMER_ID') consumerId: string, @Param('SCOPE_ID') scopeId: string): Promise<string> {
    const consumer = /^\d+$/.test(consumerId) ? await this.consumers.getByPrimaryKey(consumerId) : await this.consumers.getByConsumerId(consumerId);
    await this.scopes.delete(consumer, scopeId);
    return '';
  }

  private async list(consumer: ConsumerEntity): Promise<ScopesJson> {
    return { list: (await this.scopes.list(consumer.consumerId)).map(toScopeJson) };
  }
}
