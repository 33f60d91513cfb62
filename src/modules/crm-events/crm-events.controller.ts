import { Controller, Param } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AUTHENTICATED } from '../../common/auth/access';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { formatObpDate } from '../../common/http/obp-date';
import { since } from '../../common/versioning/api-versions';
import { CrmEventEntity } from './entities/crm-event.entity';
import { CrmEventsJson } from './dto/crm-events-responses.json';

function date(value: Date | null): string | null {
  return value ? formatObpDate(value) : null;
}

export function toCrmEventJson(event: CrmEventEntity) {
  return {
    id: event.crmEventId,
    bank_id: event.bankId,
    customer_name: event.customerName,
    customer_number: event.customerNumber,
    category: event.category,
    detail: event.detail,
    channel: event.channel,
    scheduled_date: date(event.scheduledDate),
    actual_date: date(event.actualDate),
    result: event.result,
  };
}

/** CRM events of a bank; the rows come from the sandbox import. */
@Controller()
export class CrmEventsController {
  constructor(@InjectRepository(CrmEventEntity) private readonly events: Repository<CrmEventEntity>) {}

  @ObpEndpoint({
    operationId: 'OBPv1.4.0-getCrmEvents',
    verb: 'GET',
    path: '/banks/BANK_ID/crm-events',
    versions: since('1.4.0'),
    access: AUTHENTICATED,
    summary: 'Get CRM Events',
    description: 'Every CRM event of the bank, by scheduled date.',
    tags: ['Customer'],
    errors: ['UserNotLoggedIn', 'BankNotFound'],
    responseBody: CrmEventsJson,
  })
  async getCrmEvents(@Param('BANK_ID') bankId: string) {
    const events = await this.events.find({ where: { bankId }, order: { scheduledDate: 'ASC', crmEventId: 'ASC' } });
    return { crm_events: events.map(toCrmEventJson) };
  }
}
