import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { CrmEventEntity } from '../../src/modules/crm-events/entities/crm-event.entity';

/** Test factory for CRM events (in production they arrive through the sandbox import). */
export async function createCrmEvent(app: NestFastifyApplication, bankId: string, overrides: Partial<CrmEventEntity> = {}): Promise<CrmEventEntity> {
  const repository = app.get(DataSource).getRepository(CrmEventEntity);
  const event = repository.create({
    crmEventId: randomUUID(),
    bankId,
    userId: null,
    customerName: 'Eveline Tripman',
    customerNumber: '5987953',
    category: 'Call',
    detail: 'Follow-up on mortgage',
    channel: 'Phone',
    scheduledDate: new Date('2026-01-02T10:00:00Z'),
    actualDate: new Date('2026-01-02T10:05:00Z'),
    result: 'Interested',
    ...overrides,
  });
  await repository.insert(event);
  return event;
}
