import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/http/ids';
import { parseObpDate } from '../../common/http/obp-date';
import { CustomersService } from '../customers/customers.service';
import type { CustomerEntity } from '../customers/entities/customer.entity';
import type { PostCustomerAddressJsonV310, PostTaxResidenceJsonV310, SocialMediaJson } from './dto/customer-address.json';
import { CustomerAddressEntity } from './entities/customer-address.entity';
import { SocialMediaHandleEntity } from './entities/social-media-handle.entity';
import { TaxResidenceEntity } from './entities/tax-residence.entity';

function addressFields(body: PostCustomerAddressJsonV310) {
  return {
    line1: body.line_1,
    line2: body.line_2,
    line3: body.line_3,
    city: body.city,
    county: body.county,
    state: body.state,
    postcode: body.postcode,
    countryCode: body.country_code,
    tags: body.tags,
    status: body.status,
  };
}

/**
 * Addresses, tax residences and social media handles of a customer. Every item belongs to the
 * customer in the path (OBP looked items up by id alone), and the customer to the path's bank.
 */
@Injectable()
export class CustomerDetailsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
  ) {}

  customer(bankId: string, customerId: string): Promise<CustomerEntity> {
    return this.customers.getAtBank(bankId, customerId);
  }

  async addAddress(bankId: string, customerId: string, body: PostCustomerAddressJsonV310): Promise<CustomerAddressEntity> {
    await this.customer(bankId, customerId);
    const repository = this.dataSource.getRepository(CustomerAddressEntity);
    const address = repository.create({ customerAddressId: randomUUID(), customerId, ...addressFields(body) });
    await repository.insert(address);
    return repository.findOneByOrFail({ customerAddressId: address.customerAddressId });
  }

  async updateAddress(bankId: string, customerId: string, addressId: string, body: PostCustomerAddressJsonV310): Promise<CustomerAddressEntity> {
    await this.customer(bankId, customerId);
    const repository = this.dataSource.getRepository(CustomerAddressEntity);
    const result = isUuid(addressId) ? await repository.update({ customerAddressId: addressId, customerId }, addressFields(body)) : { affected: 0 };
    if (!result.affected) throw ObpException.of('CustomerAddressNotFound', `Current CUSTOMER_ADDRESS_ID(${addressId})`);
    return repository.findOneByOrFail({ customerAddressId: addressId });
  }

  async addresses(bankId: string, customerId: string): Promise<CustomerAddressEntity[]> {
    await this.customer(bankId, customerId);
    return this.dataSource.getRepository(CustomerAddressEntity).find({ where: { customerId }, order: { insertDate: 'ASC', customerAddressId: 'ASC' } });
  }

  async deleteAddress(bankId: string, customerId: string, addressId: string): Promise<void> {
    await this.customer(bankId, customerId);
    const result = isUuid(addressId)
      ? await this.dataSource.getRepository(CustomerAddressEntity).delete({ customerAddressId: addressId, customerId })
      : { affected: 0 };
    if (!result.affected) throw ObpException.of('CustomerAddressNotFound', `Current CUSTOMER_ADDRESS_ID(${addressId})`);
  }

  async addTaxResidence(bankId: string, customerId: string, body: PostTaxResidenceJsonV310): Promise<TaxResidenceEntity> {
    await this.customer(bankId, customerId);
    const repository = this.dataSource.getRepository(TaxResidenceEntity);
    const residence = repository.create({ taxResidenceId: randomUUID(), customerId, domain: body.domain, taxNumber: body.tax_number });
    await repository.insert(residence);
    return residence;
  }

  async taxResidences(bankId: string, customerId: string): Promise<TaxResidenceEntity[]> {
    await this.customer(bankId, customerId);
    return this.dataSource.getRepository(TaxResidenceEntity).find({ where: { customerId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  async deleteTaxResidence(bankId: string, customerId: string, residenceId: string): Promise<void> {
    await this.customer(bankId, customerId);
    const result = isUuid(residenceId)
      ? await this.dataSource.getRepository(TaxResidenceEntity).delete({ taxResidenceId: residenceId, customerId })
      : { affected: 0 };
    if (!result.affected) throw ObpException.of('TaxResidenceNotFound', `Current TAX_RESIDENCE_ID(${residenceId})`);
  }

  /** OBP files the handle under body.customer_number; here it must be the path customer's own number. */
  async addSocialMediaHandle(bankId: string, customerId: string, body: SocialMediaJson): Promise<void> {
    const customer = await this.customer(bankId, customerId);
    if (body.customer_number !== customer.customerNumber) {
      throw ObpException.of('InvalidJsonFormat', 'customer_number does not match the customer of CUSTOMER_ID');
    }
    await this.dataSource.getRepository(SocialMediaHandleEntity).insert({
      socialMediaHandleId: randomUUID(),
      customerId,
      type: body.type,
      handle: body.handle,
      dateAdded: parseObpDate(body.date_added) ?? null,
      dateActivated: parseObpDate(body.date_activated) ?? null,
    });
  }

  async socialMediaHandles(bankId: string, customerId: string): Promise<{ customer: CustomerEntity; handles: SocialMediaHandleEntity[] }> {
    const customer = await this.customer(bankId, customerId);
    const handles = await this.dataSource
      .getRepository(SocialMediaHandleEntity)
      .find({ where: { customerId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
    return { customer, handles };
  }
}
