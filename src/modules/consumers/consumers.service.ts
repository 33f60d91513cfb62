import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AuthContextService } from '../auth/auth-context.service';
import { hashSecret } from '../auth/password-hasher';
import { ConsumerEntity } from './entities/consumer.entity';

export interface NewConsumer {
  appName: string;
  appType?: string;
  description?: string;
  developerEmail?: string;
  redirectUrl?: string;
  company?: string;
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
    private readonly contexts: AuthContextService,
  ) {}

  async create(input: NewConsumer): Promise<CreatedConsumer> {
    const secret = input.secret ?? randomKey();
    const consumer = this.consumers.create({
      consumerId: randomUUID(),
      key: input.key ?? randomKey(),
      secretHash: await hashSecret(secret),
      appName: input.appName,
      appType: input.appType ?? '',
      description: input.description ?? '',
      developerEmail: input.developerEmail ?? '',
      redirectUrl: input.redirectUrl ?? '',
      company: input.company ?? '',
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
}
