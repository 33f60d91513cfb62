import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ObpErrors } from '../../common/errors/error-catalogue';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/http/ids';
import { MAX_LIMIT } from '../../common/http/paging';
import { CustomerAttributesReader } from '../customers/customer-attributes.reader';
import { CustomersService } from '../customers/customers.service';
import type { CustomerEntity } from '../customers/entities/customer.entity';
import { CustomerAttributeEntity } from '../customers/entities/customer-attribute.entity';
import type { CustomerAttributeJson } from '../customers/customer.mapper';
import { assertValueMatchesType } from './attribute-value';
import type { AttributeDefinitionJsonV400, CustomerAttributeJsonV400 } from './dto/customer-attribute.json';
import { AttributeDefinitionEntity } from './entities/attribute-definition.entity';

@Injectable()
export class CustomerAttributesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly reader: CustomerAttributesReader,
  ) {}

  private get attributes() {
    return this.dataSource.getRepository(CustomerAttributeEntity);
  }

  /** OBP: unknown customer 404 OBP-30046; a customer of another bank 400 OBP-30113. */
  async customerOfBank(bankId: string, customerId: string): Promise<CustomerEntity> {
    const customer = await this.customers.getById(customerId);
    if (customer.bankId !== bankId) {
      throw ObpException.of('InvalidCustomerBankId', `Current BANK_ID(${bankId}). The Customer(${customerId}) does not belong to this Bank`);
    }
    return customer;
  }

  async create(bankId: string, customerId: string, body: CustomerAttributeJsonV400): Promise<CustomerAttributeEntity> {
    assertValueMatchesType(body.type, body.value);
    await this.customerOfBank(bankId, customerId);
    const attribute = this.attributes.create({ customerAttributeId: randomUUID(), bankId, customerId, name: body.name, type: body.type, value: body.value });
    await this.attributes.insert(attribute);
    return attribute;
  }

  async update(bankId: string, customerId: string, attributeId: string, body: CustomerAttributeJsonV400): Promise<CustomerAttributeEntity> {
    assertValueMatchesType(body.type, body.value);
    await this.customerOfBank(bankId, customerId);
    const existing = await this.find(customerId, attributeId);
    await this.attributes.update({ customerAttributeId: existing.customerAttributeId }, { name: body.name, type: body.type, value: body.value });
    return this.attributes.findOneByOrFail({ customerAttributeId: existing.customerAttributeId });
  }

  async one(bankId: string, customerId: string, attributeId: string): Promise<CustomerAttributeEntity> {
    await this.customerOfBank(bankId, customerId);
    return this.find(customerId, attributeId);
  }

  async list(bankId: string, customerId: string): Promise<CustomerAttributeJson[]> {
    await this.customerOfBank(bankId, customerId);
    return this.reader.forCustomer(bankId, customerId);
  }

  /** Deletes an attribute of a customer at this bank (OBP's path has no customer id). */
  async delete(bankId: string, attributeId: string): Promise<void> {
    const result = isUuid(attributeId) ? await this.attributes.delete({ customerAttributeId: attributeId, bankId }) : { affected: 0 };
    if (!result.affected) throw new ObpException(ObpErrors.CustomerAttributeNotFound, `Current CUSTOMER_ATTRIBUTE_ID(${attributeId})`, 404);
  }

  /**
   * OBP's customers-by-attributes: name=value pairs are OR-ed, and every matching attribute row
   * yields one item (a customer can appear several times); without pairs, every attribute row of
   * the bank does. Three queries whatever the result size, bounded to MAX_LIMIT rows.
   */
  async customersByAttributes(bankId: string, pairs: [string, string][]) {
    const query = this.attributes
      .createQueryBuilder('a')
      .select(['a.customerId'])
      .where('a.bank_id = :bankId', { bankId })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.creation_seq', 'ASC')
      .limit(MAX_LIMIT);
    if (pairs.length > 0) {
      const clauses = pairs.map((_, index) => `(a.name = :name${index} AND a.value = :value${index})`).join(' OR ');
      query.andWhere(
        `(${clauses})`,
        Object.fromEntries(
          pairs.flatMap(([name, value], index) => [
            [`name${index}`, name],
            [`value${index}`, value],
          ]),
        ),
      );
    }
    const matches = await query.getMany();
    const ids = [...new Set(matches.map((match) => match.customerId))];
    const customers = await this.customers.byIds(ids);
    const attributes = await this.reader.forCustomers(ids);
    return matches
      .map((match) => customers.get(match.customerId))
      .filter((customer): customer is CustomerEntity => customer !== undefined)
      .map((customer) => ({ customer, attributes: attributes.get(customer.customerId) ?? [] }));
  }

  private async find(customerId: string, attributeId: string): Promise<CustomerAttributeEntity> {
    const attribute = isUuid(attributeId) ? await this.attributes.findOneBy({ customerAttributeId: attributeId, customerId }) : null;
    if (!attribute) throw ObpException.of('CustomerAttributeNotFound', `Current CUSTOMER_ATTRIBUTE_ID(${attributeId})`);
    return attribute;
  }

  // --- attribute definitions ---

  private get definitions() {
    return this.dataSource.getRepository(AttributeDefinitionEntity);
  }

  /** Create or update, keyed by (bank, name, category) in one statement. */
  async saveDefinition(bankId: string, body: AttributeDefinitionJsonV400): Promise<AttributeDefinitionEntity> {
    await this.definitions
      .createQueryBuilder()
      .insert()
      .values({
        attributeDefinitionId: randomUUID(),
        bankId,
        name: body.name,
        category: body.category,
        type: body.type,
        description: body.description,
        alias: body.alias,
        canBeSeenOnViews: body.can_be_seen_on_views,
        isActive: body.is_active,
      })
      // The id stays the one first created; everything else takes the new values.
      .orUpdate(['type', 'description', 'alias', 'can_be_seen_on_views', 'is_active', 'updated_at'], ['bank_id', 'name', 'category'])
      .execute();
    return this.definitions.findOneByOrFail({ bankId, name: body.name, category: body.category });
  }

  listDefinitions(bankId: string): Promise<AttributeDefinitionEntity[]> {
    return this.definitions.find({ where: { bankId, category: 'Customer' }, order: { name: 'ASC' } });
  }

  async deleteDefinition(bankId: string, definitionId: string): Promise<void> {
    const result = isUuid(definitionId)
      ? await this.definitions.delete({ attributeDefinitionId: definitionId, bankId, category: 'Customer' })
      : { affected: 0 };
    if (!result.affected) throw new ObpException(ObpErrors.AttributeNotFound, `Current ATTRIBUTE_DEFINITION_ID(${definitionId})`, 404);
  }
}
