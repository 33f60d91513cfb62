import { Controller, Inject, Param } from '@nestjs/common';
import { AUTHENTICATED, anyRole } from '../../common/auth/access';
import { hasGrant, type AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { ListQueryParams, type ListQuery } from '../../common/http/list-query';
import { between, only, since } from '../../common/versioning/api-versions';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { toConsumerJson, toConsumerJsonV210, toConsumerJsonV310, toConsumerJsonV400 } from './consumer.mapper';
import { ConsumersService } from './consumers.service';
import { ConsumerJSON, ConsumerJsonV400, ConsumerPostJSON, ConsumerRedirectUrlJSON, ConsumersJsonV310, EnabledJson, PutEnabledJSON } from './dto/consumer.json';
import type { ConsumerEntity } from './entities/consumer.entity';
import { ConsumerJsonV210, ConsumersJson } from './dto/consumers-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const TAGS = ['Consumer'];

/** Consumer management: create, read, enable/disable, redirect URL. v2.1.0-v3.0.0 address consumers by numeric id. */
@Controller()
export class ConsumersController {
  constructor(
    private readonly consumers: ConsumersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv2.2.0-createConsumer',
    verb: 'POST',
    path: '/management/consumers',
    versions: only('2.2.0'),
    access: anyRole('CanCreateConsumer'),
    summary: 'Post a Consumer',
    description: 'Creates a consumer created by the caller. The response carries the key and the secret, shown this once (the secret is stored hashed).',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'InvalidJsonFormat'],
    successStatus: 200,
    requestBody: ConsumerPostJSON,
    responseBody: ConsumerJsonV400,
  })
  createConsumerV220(@CurrentAuth() auth: AuthContext, @ValidBody() body: ConsumerPostJSON): Promise<ConsumerJsonV400> {
    return this.create(auth, body);
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-createConsumer',
    verb: 'POST',
    path: '/management/consumers',
    versions: since('4.0.0'),
    access: anyRole('CanCreateConsumer'),
    summary: 'Post a Consumer',
    description: 'Creates a consumer created by the caller, with 40-character random key and secret; the secret is shown this once (stored hashed).',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'InvalidJsonFormat'],
    successStatus: 201,
    requestBody: ConsumerPostJSON,
    responseBody: ConsumerJsonV400,
  })
  createConsumer(@CurrentAuth() auth: AuthContext, @ValidBody() body: ConsumerPostJSON): Promise<ConsumerJsonV400> {
    return this.create(auth, body);
  }

  @ObpEndpoint({
    operationId: 'OBPv2.1.0-getConsumers',
    verb: 'GET',
    path: '/management/consumers',
    versions: between('2.1.0', '3.0.0'),
    access: anyRole('CanGetConsumers'),
    summary: 'Get Consumers',
    description: 'Every consumer, by numeric id, as {"list": [...]}.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles'],
    responseBody: ConsumersJson,
  })
  async getConsumersV210() {
    const all = await this.consumers.all();
    const creators = await this.consumers.creators(all);
    return { list: all.map((consumer) => toConsumerJsonV210(consumer, creators.get(consumer.createdByUserId ?? ''))) };
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getConsumers',
    verb: 'GET',
    path: '/management/consumers',
    versions: since('3.1.0'),
    access: anyRole('CanGetConsumers'),
    summary: 'Get Consumers',
    description: 'A page of consumers by creation date: limit (default 50), offset, sort_direction, from_date, to_date.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'InvalidFilterParameterFormat', 'FilterDateFormatError', 'FilterSortDirectionError'],
    responseBody: ConsumersJsonV310,
  })
  async getConsumers(@ListQueryParams() query: ListQuery): Promise<ConsumersJsonV310> {
    return { consumers: await this.renderV310(await this.consumers.page(query)) };
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getConsumersForCurrentUser',
    verb: 'GET',
    path: '/management/users/current/consumers',
    versions: since('3.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Consumers (logged in User)',
    description: 'The consumers the caller created.',
    tags: TAGS,
    errors: ['UserNotLoggedIn'],
    responseBody: ConsumersJsonV310,
  })
  async getConsumersForCurrentUser(@CurrentAuth() auth: AuthContext): Promise<ConsumersJsonV310> {
    return { consumers: await this.renderV310(await this.consumers.createdBy(auth.user.userId)) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.1.0-getConsumer',
    verb: 'GET',
    path: '/management/consumers/CONSUMER_ID',
    versions: between('2.1.0', '3.0.0'),
    access: anyRole('CanGetConsumers'),
    summary: 'Get Consumer',
    description: "CONSUMER_ID is the consumer's numeric id (400 OBP-20014 otherwise).",
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'InvalidConsumerId', 'ConsumerNotFoundByConsumerId'],
    responseBody: ConsumerJsonV210,
  })
  async getConsumerV210(@Param('CONSUMER_ID') id: string) {
    const consumer = await this.consumers.getByPrimaryKey(id);
    return toConsumerJsonV210(consumer, (await this.consumers.creators([consumer])).get(consumer.createdByUserId ?? ''));
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getConsumer',
    verb: 'GET',
    path: '/management/consumers/CONSUMER_ID',
    versions: since('3.1.0'),
    access: anyRole('CanGetConsumers'),
    summary: 'Get Consumer',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'ConsumerNotFoundByConsumerId'],
    responseBody: ConsumerJSON,
  })
  async getConsumer(@Param('CONSUMER_ID') consumerId: string): Promise<ConsumerJSON> {
    return this.renderOne(await this.consumers.getByConsumerId(consumerId));
  }

  @ObpEndpoint({
    operationId: 'OBPv2.1.0-enableDisableConsumers',
    verb: 'PUT',
    path: '/management/consumers/CONSUMER_ID',
    versions: between('2.1.0', '3.0.0'),
    access: anyRole('CanEnableConsumers', 'CanDisableConsumers'),
    summary: 'Enable or Disable Consumers',
    description:
      "CONSUMER_ID is the numeric id. Enabling needs CanEnableConsumers, disabling CanDisableConsumers. A disabled consumer's logins and existing tokens are refused at once.",
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'InvalidJsonFormat', 'UserHasMissingRoles', 'InvalidConsumerId', 'ConsumerNotFoundByConsumerId'],
    requestBody: PutEnabledJSON,
    responseBody: EnabledJson,
  })
  async enableDisableConsumerV210(@Param('CONSUMER_ID') id: string, @CurrentAuth() auth: AuthContext, @ValidBody() body: PutEnabledJSON): Promise<EnabledJson> {
    this.assertEnableRole(auth, body.enabled);
    return this.setEnabled(await this.consumers.getByPrimaryKey(id), body.enabled);
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-enableDisableConsumers',
    verb: 'PUT',
    path: '/management/consumers/CONSUMER_ID',
    versions: since('3.1.0'),
    access: anyRole('CanEnableConsumers', 'CanDisableConsumers'),
    summary: 'Enable or Disable Consumers',
    description:
      "Enabling needs CanEnableConsumers, disabling CanDisableConsumers. A disabled consumer's logins (OBP-20008) and existing tokens are refused at once.",
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'InvalidJsonFormat', 'UserHasMissingRoles', 'ConsumerNotFoundByConsumerId'],
    requestBody: PutEnabledJSON,
    responseBody: EnabledJson,
  })
  async enableDisableConsumer(
    @Param('CONSUMER_ID') consumerId: string,
    @CurrentAuth() auth: AuthContext,
    @ValidBody() body: PutEnabledJSON,
  ): Promise<EnabledJson> {
    this.assertEnableRole(auth, body.enabled);
    return this.setEnabled(await this.consumers.getByConsumerId(consumerId), body.enabled);
  }

  @ObpEndpoint({
    operationId: 'OBPv2.1.0-updateConsumerRedirectUrl',
    verb: 'PUT',
    path: '/management/consumers/CONSUMER_ID/consumer/redirect_url',
    versions: between('2.1.0', '5.0.0'),
    access: anyRole('CanUpdateConsumerRedirectUrl'),
    summary: 'Update Consumer RedirectUrl',
    description:
      "CONSUMER_ID is the numeric id. Only the consumer's creator may change it (OBP-20015). As in OBP the update also sets enabled to OBP_CONSUMERS_ENABLED_BY_DEFAULT (default false: the consumer is disabled until re-enabled).",
    tags: TAGS,
    errors: [
      'UserNotLoggedIn',
      'UserHasMissingRoles',
      'InvalidJsonFormat',
      'InvalidConsumerId',
      'ConsumerNotFoundByConsumerId',
      'UserNoPermissionUpdateConsumer',
    ],
    requestBody: ConsumerRedirectUrlJSON,
    responseBody: ConsumerJSON,
  })
  async updateConsumerRedirectUrlV210(
    @Param('CONSUMER_ID') id: string,
    @CurrentAuth() auth: AuthContext,
    @ValidBody() body: ConsumerRedirectUrlJSON,
  ): Promise<ConsumerJSON> {
    return this.updateRedirectUrl(await this.consumers.getByPrimaryKey(id), auth, body);
  }

  @ObpEndpoint({
    operationId: 'OBPv5.1.0-updateConsumerRedirectUrl',
    verb: 'PUT',
    path: '/management/consumers/CONSUMER_ID/consumer/redirect_url',
    versions: since('5.1.0'),
    access: anyRole('CanUpdateConsumerRedirectUrl'),
    summary: 'Update Consumer RedirectUrl',
    description:
      "Only the consumer's creator may change it (OBP-20015). As in OBP the update also sets enabled to OBP_CONSUMERS_ENABLED_BY_DEFAULT (default false: the consumer is disabled until re-enabled).",
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'InvalidJsonFormat', 'ConsumerNotFoundByConsumerId', 'UserNoPermissionUpdateConsumer'],
    requestBody: ConsumerRedirectUrlJSON,
    responseBody: ConsumerJSON,
  })
  async updateConsumerRedirectUrl(
    @Param('CONSUMER_ID') consumerId: string,
    @CurrentAuth() auth: AuthContext,
    @ValidBody() body: ConsumerRedirectUrlJSON,
  ): Promise<ConsumerJSON> {
    return this.updateRedirectUrl(await this.consumers.getByConsumerId(consumerId), auth, body);
  }

  private async create(auth: AuthContext, body: ConsumerPostJSON): Promise<ConsumerJsonV400> {
    const { consumer, secret } = await this.consumers.create({
      appName: body.app_name,
      appType: body.app_type,
      description: body.description,
      developerEmail: body.developer_email,
      redirectUrl: body.redirect_url,
      clientCertificate: body.clientCertificate ?? null,
      createdByUserId: auth.user.userId,
      enabled: body.enabled,
    });
    return toConsumerJsonV400(consumer, (await this.consumers.creators([consumer])).get(auth.user.userId), secret);
  }

  /** The guard let either role through; the one needed depends on the direction. */
  private assertEnableRole(auth: AuthContext, enabled: boolean): void {
    const role = enabled ? 'CanEnableConsumers' : 'CanDisableConsumers';
    if (!hasGrant(auth, '', role)) throw ObpException.of('UserHasMissingRoles', role);
  }

  private async setEnabled(consumer: ConsumerEntity, enabled: boolean): Promise<EnabledJson> {
    await this.consumers.setEnabled(consumer.consumerId, enabled);
    return { enabled };
  }

  private async updateRedirectUrl(consumer: ConsumerEntity, auth: AuthContext, body: ConsumerRedirectUrlJSON): Promise<ConsumerJSON> {
    this.consumers.assertCreator(consumer, auth.user.userId);
    return this.renderOne(await this.consumers.updateRedirectUrl(consumer, body.redirect_url, this.config.consumers.enabledByDefault));
  }

  private async renderOne(consumer: ConsumerEntity): Promise<ConsumerJSON> {
    return toConsumerJson(consumer, (await this.consumers.creators([consumer])).get(consumer.createdByUserId ?? ''));
  }

  private async renderV310(list: ConsumerEntity[]) {
    const creators = await this.consumers.creators(list);
    return list.map((consumer) => toConsumerJsonV310(consumer, creators.get(consumer.createdByUserId ?? '')));
  }
}
