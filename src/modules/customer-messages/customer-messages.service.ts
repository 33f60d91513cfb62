import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import { formatObpDate } from '../../common/http/obp-date';
import { CustomersService } from '../customers/customers.service';
import type { AddCustomerMessageJson, CreateMessageJsonV400 } from './dto/customer-message.json';
import { CustomerMessageEntity } from './entities/customer-message.entity';

export function toMessageJsonV140(message: CustomerMessageEntity) {
  return {
    id: message.messageId,
    date: formatObpDate(message.createdAt),
    message: message.message,
    from_department: message.fromDepartment,
    from_person: message.fromPerson,
  };
}

export function toMessageJsonV400(message: CustomerMessageEntity) {
  const { id, date, ...rest } = toMessageJsonV140(message);
  return { id, date, transport: message.transport, ...rest };
}

@Injectable()
export class CustomerMessagesService {
  constructor(
    @InjectRepository(CustomerMessageEntity) private readonly messages: Repository<CustomerMessageEntity>,
    private readonly customers: CustomersService,
  ) {}

  /** v1.4.0: delivered to the user first linked to the customer (400 OBP-30008 when none is). */
  async sendToLinkedUser(bankId: string, customerId: string, body: AddCustomerMessageJson): Promise<void> {
    await this.customers.getAtBank(bankId, customerId);
    const userId = await this.customers.firstLinkedUserId(customerId);
    if (!userId) throw ObpException.of('UserCustomerLinksNotFoundForUser', `Current customerId (${customerId})`);
    await this.insert(bankId, customerId, userId, { ...body, transport: '' });
  }

  async sendToCustomer(bankId: string, customerId: string, body: CreateMessageJsonV400): Promise<void> {
    await this.customers.getAtBank(bankId, customerId);
    await this.insert(bankId, customerId, null, body);
  }

  forUserAtBank(userId: string, bankId: string): Promise<CustomerMessageEntity[]> {
    return this.messages.find({ where: { userId, bankId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  async forCustomer(bankId: string, customerId: string): Promise<CustomerMessageEntity[]> {
    await this.customers.getAtBank(bankId, customerId);
    return this.messages.find({ where: { customerId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  private async insert(bankId: string, customerId: string, userId: string | null, body: CreateMessageJsonV400): Promise<void> {
    await this.messages.insert({
      messageId: randomUUID(),
      bankId,
      customerId,
      userId,
      message: body.message,
      fromDepartment: body.from_department,
      fromPerson: body.from_person,
      transport: body.transport,
    });
  }
}
