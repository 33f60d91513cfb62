import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/http/ids';
import type { ListQuery } from '../../common/http/list-query';
import { UserEntity } from '../users/entities/user.entity';
import { AuthContextService } from '../auth/auth-context.service';
import { hashSecret } from '../auth/password-hasher';
import { ConsumerEntity } from './entities/consumer.entity';
import { SecretBox } from '../oauth1/secret-box.service';

/** The largest value of the consumers table's integer primary key. */
const MAX_INTEGER_KEY = 2_147_483_647;

export interface NewConsumer {
  appName: string;
  appType?: string;
  description?: string;
  developerEmail?: string;
  redirectUrl?: string;
  company?: string;
  clientCertificate?: string | null;
  createdByUserId?: string | null;
  enabled?: boolean;
  /** Fixed key and secret (bootstrap); random when absent. */
  key?: string;
  secret?: string;
}

/** The consumer and its secret in clear: the only moment the secret is known. */
export interface CreatedConsumer {
  consumer: ConsumerEntity;
  secret: string;
}

/** 40 random lower-case alphanumerics, as OBP's keys and secrets. */
function randomKey(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(40);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

@Injectable()
export class ConsumersService {
  constructor(
    @InjectRepository(ConsumerEntity) private readonly consumers: Repository<ConsumerEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly contexts: AuthContextService,
    private readonly secrets: SecretBox,
  ) {}

  async create(input: NewConsumer): Promise<CreatedConsumer> {
    const secret = input.secret ?? randomKey();
    const consumer = this.consumers.create({
      consumerId: randomUUID(),
      key: input.key ?? randomKey(),
      secretHash: await hashSecret(secret),
      secretSealed: this.secrets.seal(secret),
      appName: input.appName,
      appType: input.appType ?? '',
      description: input.description ?? '',
      developerEmail: input.developerEmail ?? '',
      redirectUrl: input.redirectUrl ?? '',
      company: input.company ?? '',
      clientCertificate: input.clientCertificate ?? null,
      createdByUserId: input.createdByUserId ?? null,
      enabled: input.enabled ?? true,
    });
    await this.consumers.insert(consumer);
    return { consumer, secret };
  }

  findByKey(key: string): Promise<ConsumerEntity | null> {
    return this.consumers.findOneBy({ key });
  }

  /** Disabling takes effect on existing tokens at once (the auth context is re-read). */
  async setEnabled(consumerId: string, enabled: boolean): Promise<void> {
    await this.consumers.update({ consumerId }, { enabled });
    this.contexts.invalidateConsumer(consumerId);
  }

  /** By consumer_id (v3.1.0+ URLs): 404 OBP-30019 when absent. */
  async getByConsumerId(consumerId: string): Promise<ConsumerEntity> {
    const consumer = isUuid(consumerId) ? await this.consumers.findOneBy({ consumerId }) : null;
    if (!consumer) throw ObpException.of('ConsumerNotFoundByConsumerId', `Current ConsumerId is ${consumerId}`);
    return consumer;
  }

  /** By OBP's numeric primary key (v2.1.0-v3.0.0 URLs): 400 OBP-20014 if not a number, 404 OBP-30019 when absent. */
  async getByPrimaryKey(raw: string, notNumeric: 'InvalidConsumerId' | 'ConsumerNotFoundById' = 'InvalidConsumerId'): Promise<ConsumerEntity> {
    if (!/^\d{1,15}$/.test(raw)) throw ObpException.of(notNumeric, `Current Value is ${raw}`);
    // The key is a PostgreSQL integer: a larger number names no consumer (and failed the query: a 500 found by the fuzz test).
    const id = Number(raw);
    const consumer = id <= MAX_INTEGER_KEY ? await this.consumers.findOneBy({ id }) : null;
    if (!consumer) throw ObpException.of(notNumeric === 'InvalidConsumerId' ? 'ConsumerNotFoundByConsumerId' : notNumeric, `Current ConsumerId is ${raw}`);
    return consumer;
  }

  /** Every consumer by primary key (v2.1.0, unpaged as in OBP). */
  all(): Promise<ConsumerEntity[]> {
    return this.consumers.find({ order: { id: 'ASC' } });
  }

  /** A page of consumers by creation date (v3.1.0+ filters). */
  page(query: ListQuery): Promise<ConsumerEntity[]> {
    return this.consumers
      .createQueryBuilder('consumer')
      .where('consumer.created_at >= :from AND consumer.created_at <= :to', { from: query.fromDate, to: query.toDate })
      .orderBy('consumer.created_at', query.sortDirection)
      .addOrderBy('consumer.id', query.sortDirection)
      .limit(query.limit)
      .offset(query.offset)
      .getMany();
  }

  createdBy(userId: string): Promise<ConsumerEntity[]> {
    return this.consumers.find({ where: { createdByUserId: userId }, order: { id: 'ASC' } });
  }

  /** The creating users of many consumers, in one query. */
  async creators(consumers: readonly ConsumerEntity[]): Promise<Map<string, UserEntity>> {
    const ids = [...new Set(consumers.map((consumer) => consumer.createdByUserId).filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const users = await this.users.findBy({ userId: In(ids) });
    return new Map(users.map((user) => [user.userId, user]));
  }

  /** Only the developer who created a consumer may edit it (400 OBP-20015). */
  assertCreator(consumer: ConsumerEntity, userId: string): void {
    if (consumer.createdByUserId !== userId) throw ObpException.of('UserNoPermissionUpdateConsumer');
  }

  /** OBP's side effect: the update also sets enabled (to OBP_CONSUMERS_ENABLED_BY_DEFAULT). */
  async updateRedirectUrl(consumer: ConsumerEntity, redirectUrl: string, enabled: boolean): Promise<ConsumerEntity> {
    await this.consumers.update({ consumerId: consumer.consumerId }, { redirectUrl, enabled });
    this.contexts.invalidateConsumer(consumer.consumerId);
    return { ...consumer, redirectUrl, enabled };
  }
}
