import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { CustomerAttributeJson } from './customer.mapper';
import { CustomerAttributeEntity } from './entities/customer-attribute.entity';

export function toCustomerAttributeJson(attribute: CustomerAttributeEntity): CustomerAttributeJson {
  return { customer_attribute_id: attribute.customerAttributeId, name: attribute.name, type: attribute.type, value: attribute.value };
}

/** Reads customer attributes for customer responses that embed them (in creation order). */
@Injectable()
export class CustomerAttributesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forCustomer(bankId: string, customerId: string): Promise<CustomerAttributeJson[]> {
    const rows = await this.dataSource
      .getRepository(CustomerAttributeEntity)
      .find({ where: { bankId, customerId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
    return rows.map(toCustomerAttributeJson);
  }

  /** Attributes of many customers in one query, grouped by customer id. */
  async forCustomers(customerIds: string[]): Promise<Map<string, CustomerAttributeJson[]>> {
    const grouped = new Map<string, CustomerAttributeJson[]>();
    if (customerIds.length === 0) return grouped;
    const rows = await this.dataSource
      .getRepository(CustomerAttributeEntity)
      .find({ where: { customerId: In(customerIds) }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
    for (const row of rows) grouped.set(row.customerId, [...(grouped.get(row.customerId) ?? []), toCustomerAttributeJson(row)]);
    return grouped;
  }
}
