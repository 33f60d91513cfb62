import { randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { entityColumns, entityInsert, PgQueries, type EntityInsert, type NamedStatement } from '../../database/pg-queries';
import type { WithWireDates } from '../../database/pg-wire-dates';
import { isUniqueViolation } from '../../database/postgres-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/http/ids';
import type { ListQuery } from '../../common/http/list-query';
import type { CustomerAttributeJson } from './customer.mapper';
import type { CustomerFields } from './customer-input';
import { customersByPhoneSql, customersPageSql, customerWithAttributesSql } from './customer-reads.sql';
import { CustomerEntity } from './entities/customer.entity';
import { UserCustomerLinkEntity } from './entities/user-customer-link.entity';

const NUMBER_CONSTRAINT = 'customers_bank_number_key';
const GENERATED_NUMBER_ATTEMPTS = 8;

/** A customer as the raw hot reads return it: the entity's columns, its dates in OBP's wire format. */
export type CustomerRow = WithWireDates<CustomerEntity>;
/** A customer from TypeORM (dates as Date) or from a raw hot read (wire dates): what the mappers take. */
export type CustomerRecord = CustomerEntity | CustomerRow;
export type CustomerWithAttributes = CustomerRow & { attributes: CustomerAttributeJson[] };

/** The only place customers touch the database (TypeORM, and PgQueries for the hot reads). */
@Injectable()
export class CustomersRepository {
  /** Every customers column under CustomerEntity's property names (raw rows read as entities). */
  private readonly columns: string;
  /** The same, unprefixed, for INSERT … RETURNING. */
  private readonly returning: string;
  private readonly withAttributesSql: NamedStatement;
  private readonly byPhoneSql: NamedStatement;
  private readonly insertSql: EntityInsert;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pg: PgQueries,
  ) {
    this.columns = entityColumns(dataSource, CustomerEntity, 'c');
    this.returning = entityColumns(dataSource, CustomerEntity);
    this.withAttributesSql = customerWithAttributesSql(this.columns);
    this.byPhoneSql = customersByPhoneSql(this.columns);
    this.insertSql = entityInsert(dataSource, CustomerEntity, 'customer_insert', this.returning);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Inserts a customer and reads it back in the same statement (INSERT … RETURNING, database
   * defaults included). A given number that is taken → 400 OBP-30006 (the unique constraint
   * decides, so concurrent creates cannot both win). Without a number one is generated and
   * retried on the rare collision, so generated numbers never fail. Without a manager the insert
   * runs on its own: one statement needs no transaction.
   */
  async insert(manager: EntityManager | undefined, bankId: string, fields: CustomerFields, customerNumber?: string): Promise<CustomerRecord> {
    for (let attempt = 1; ; attempt++) {
      const values = this.insertSql.values({
        ...fields,
        customerId: randomUUID(),
        bankId,
        customerNumber: customerNumber ?? String(randomInt(0, 2 ** 31 - 1)),
      });
      try {
        // Inside a transaction, a savepoint: a collision then does not abort the surrounding transaction.
        const [row] = manager
          ? await manager.transaction<CustomerRecord[]>((savepoint) => savepoint.query(this.insertSql.statement.text, values))
          : await this.pg.rows<CustomerEntity>(this.insertSql.statement, values);
        return row;
      } catch (error) {
        if (!isUniqueViolation(error, NUMBER_CONSTRAINT)) throw error;
        if (customerNumber !== undefined) throw ObpException.of('CustomerNumberAlreadyExists');
        if (attempt >= GENERATED_NUMBER_ATTEMPTS) throw ObpException.of('CreateCustomerError');
      }
    }
  }

  async insertLink(manager: EntityManager, userId: string, customerId: string, dateInserted = new Date()): Promise<UserCustomerLinkEntity> {
    const link = manager.create(UserCustomerLinkEntity, { userCustomerLinkId: randomUUID(), userId, customerId, isActive: true, dateInserted });
    await manager.insert(UserCustomerLinkEntity, link);
    return link;
  }

  async findById(customerId: string): Promise<CustomerEntity | null> {
    if (!isUuid(customerId)) return null;
    return this.dataSource.getRepository(CustomerEntity).findOneBy({ customerId });
  }

  /** The hot GET: the customer at the bank and its attributes in one round trip; null if not there. */
  async findAtBankWithAttributes(bankId: string, customerId: string): Promise<CustomerWithAttributes | null> {
    if (!isUuid(customerId)) return null;
    const [row] = await this.pg.rows<CustomerEntity & { attributes: CustomerAttributeJson[] }>(this.withAttributesSql, [customerId, bankId]);
    return row ?? null;
  }

  findByIds(customerIds: string[]): Promise<CustomerEntity[]> {
    if (customerIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(CustomerEntity).findBy({ customerId: In(customerIds) });
  }

  findByNumber(bankId: string, customerNumber: string): Promise<CustomerEntity | null> {
    return this.dataSource.getRepository(CustomerEntity).findOneBy({ bankId, customerNumber });
  }

  async firstLinkedUserId(customerId: string): Promise<string | undefined> {
    const link = await this.dataSource
      .getRepository(UserCustomerLinkEntity)
      .findOne({ where: { customerId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
    return link?.userId;
  }

  /** Customers linked to a user, optionally at one bank, oldest link first; one query. */
  findLinkedToUser(userId: string, bankId?: string): Promise<CustomerEntity[]> {
    const query = this.dataSource
      .getRepository(CustomerEntity)
      .createQueryBuilder('c')
      .innerJoin(UserCustomerLinkEntity, 'l', 'l.customer_id = c.customer_id')
      .where('l.user_id = :userId', { userId })
      .orderBy('l.created_at', 'ASC')
      .addOrderBy('l.creation_seq', 'ASC');
    if (bankId !== undefined) query.andWhere('c.bank_id = :bankId', { bankId });
    return query.getMany();
  }

  /**
   * One page of customers, ordered and limited in SQL (memory does not grow with the table):
   * optionally at one bank, within [fromDate, toDate] of last update, optionally only customers
   * having any of the given attribute name=value pairs (OBP's OR semantics).
   */
  page(query: ListQuery, bankId?: string, attributeFilters: [string, string][] = []): Promise<CustomerRow[]> {
    const { statement, values } = customersPageSql(this.columns, query, bankId, attributeFilters);
    return this.pg.rows<CustomerEntity>(statement, values);
  }

  /** LIKE over mobile numbers at a bank; the caller's % and _ are wildcards, passed as a bound parameter. */
  searchByPhone(bankId: string, pattern: string, limit: number, offset: number): Promise<CustomerRow[]> {
    return this.pg.rows<CustomerEntity>(this.byPhoneSql, [bankId, pattern, limit, offset]);
  }

  /**
   * Updates only the given columns in one statement and returns the row: concurrent updates of
   * different fields never overwrite each other.
   */
  async update(customerId: string, fields: CustomerFields): Promise<CustomerEntity> {
    await this.dataSource.getRepository(CustomerEntity).update({ customerId }, fields);
    return this.dataSource.getRepository(CustomerEntity).findOneByOrFail({ customerId });
  }

  async updateNumber(customerId: string, customerNumber: string): Promise<CustomerEntity> {
    try {
      return await this.update(customerId, { customerNumber } as CustomerFields);
    } catch (error) {
      if (isUniqueViolation(error, NUMBER_CONSTRAINT)) throw ObpException.of('CustomerNumberAlreadyExists');
      throw error;
    }
  }
}
