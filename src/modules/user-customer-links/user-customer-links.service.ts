import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ObpErrors } from '../../common/errors/error-catalogue';
import { ObpException } from '../../common/errors/obp.exception';
import { formatObpDate } from '../../common/http/obp-date';
import { isUuid } from '../../common/http/ids';
import { isUniqueViolation } from '../../database/postgres-errors';
import { CustomersRepository } from '../customers/customers.repository';
import { CustomersService } from '../customers/customers.service';
import { CustomerEntity } from '../customers/entities/customer.entity';
import { UserCustomerLinkEntity } from '../customers/entities/user-customer-link.entity';
import { UserEntity } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';

export function toUserCustomerLinkJson(link: UserCustomerLinkEntity) {
  return {
    user_customer_link_id: link.userCustomerLinkId,
    customer_id: link.customerId,
    user_id: link.userId,
    date_inserted: formatObpDate(link.dateInserted),
    is_active: link.isActive,
  };
}

export function toCorrelatedUserJson(user: UserEntity) {
  return {
    user_id: user.userId,
    email: user.email,
    provider_id: user.providerId,
    provider: user.provider,
    username: user.username,
    user_attributes: [] as unknown[],
  };
}

/**
 * Links between users and customers, and what they imply. Deleting a customer relies on a rule
 * every customer-owned table follows: its customer_id column references customers ON DELETE
 * CASCADE, so one DELETE of the customer removes everything in one transaction.
 */
@Injectable()
export class UserCustomerLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly customersRepository: CustomersRepository,
    private readonly users: UsersService,
  ) {}

  private get links() {
    return this.dataSource.getRepository(UserCustomerLinkEntity);
  }

  async create(bankId: string, userId: string, customerId: string): Promise<UserCustomerLinkEntity> {
    if (!(await this.users.findById(userId))) throw ObpException.of('UserNotFoundByUserId', `Current USER_ID(${userId})`);
    const customer = await this.customers.getById(customerId);
    if (customer.bankId !== bankId) {
      throw ObpException.of('InvalidCustomerBankId', `Bank of the customer specified by the CUSTOMER_ID(${customer.bankId}) has to match BANK_ID(${bankId})`);
    }
    try {
      return await this.customersRepository.transaction((manager) => this.customersRepository.insertLink(manager, userId, customerId));
    } catch (error) {
      if (isUniqueViolation(error)) throw ObpException.of('CustomerAlreadyExistsForUser');
      throw error;
    }
  }

  /** Links of a user to customers of this bank. */
  byUser(bankId: string, userId: string): Promise<UserCustomerLinkEntity[]> {
    if (!isUuid(userId)) return Promise.resolve([]);
    return this.links
      .createQueryBuilder('l')
      .innerJoin(CustomerEntity, 'c', 'c.customer_id = l.customer_id')
      .where('l.user_id = :userId AND c.bank_id = :bankId', { userId, bankId })
      .orderBy('l.created_at', 'ASC')
      .addOrderBy('l.creation_seq', 'ASC')
      .getMany();
  }

  async byCustomer(bankId: string, customerId: string): Promise<UserCustomerLinkEntity[]> {
    await this.customers.getAtBank(bankId, customerId);
    return this.links.find({ where: { customerId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  /** A link of a customer of this bank; 400 OBP-30035 when there is none (as OBP, e.g. on a second delete). */
  async delete(bankId: string, linkId: string): Promise<void> {
    const link = isUuid(linkId) ? await this.links.findOneBy({ userCustomerLinkId: linkId }) : null;
    const customer = link ? await this.customersRepository.findById(link.customerId) : null;
    if (!link || customer?.bankId !== bankId) throw ObpException.of('UserCustomerLinkNotFound', `Current USER_CUSTOMER_LINK_ID(${linkId})`);
    await this.links.delete({ userCustomerLinkId: linkId });
  }

  /** The customer and every user linked to it: two queries. */
  async correlatedUsers(bankId: string, customerId: string): Promise<{ customer: CustomerEntity; users: UserEntity[] }> {
    const customer = await this.customers.getAtBank(bankId, customerId);
    return { customer, users: (await this.usersLinkedTo([customerId])).get(customerId) ?? [] };
  }

  /** For each customer linked to the caller: the customer and all users linked to it. */
  async correlatedEntities(userId: string): Promise<{ customer: CustomerEntity; users: UserEntity[] }[]> {
    const customers = await this.customers.linkedToUser(userId);
    const users = await this.usersLinkedTo(customers.map((customer) => customer.customerId));
    return customers.map((customer) => ({ customer, users: users.get(customer.customerId) ?? [] }));
  }

  /** Customer deletion with everything hanging off it (see the class comment). */
  async deleteCustomerCascade(bankId: string, customerId: string): Promise<void> {
    await this.customers.getAtBank(bankId, customerId);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(CustomerEntity, { customerId });
      if (!result.affected) throw new ObpException(ObpErrors.CustomerNotFoundByCustomerId, `Current CustomerId(${customerId})`);
    });
  }

  /** Users linked to each of the customers: one query for the links, one for the users. */
  private async usersLinkedTo(customerIds: string[]): Promise<Map<string, UserEntity[]>> {
    const grouped = new Map<string, UserEntity[]>();
    if (customerIds.length === 0) return grouped;
    const links = await this.links.find({ where: { customerId: In(customerIds) }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
    const users = new Map(
      (await this.dataSource.getRepository(UserEntity).findBy({ userId: In([...new Set(links.map((link) => link.userId))]) })).map((user) => [
        user.userId,
        user,
      ]),
    );
    for (const link of links) {
      const user = users.get(link.userId);
      if (user) grouped.set(link.customerId, [...(grouped.get(link.customerId) ?? []), user]);
    }
    return grouped;
  }
}
