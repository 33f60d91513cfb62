import { Controller, Param } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import { toCustomerAddressJson } from './customer-details.mapper';
import { CustomerDetailsService } from './customer-details.service';
import { PostCustomerAddressJsonV310 } from './dto/customer-address.json';
import { CustomerAddressJsonV310, CustomerAddressesJsonV310 } from './dto/customer-addresses-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const common = { versions: since('3.1.0'), tags: ['Customer'] } satisfies Partial<ObpEndpointOptions>;
const errors = ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'CustomerNotFoundByCustomerId'] satisfies ObpEndpointOptions['errors'];

@Controller()
export class CustomerAddressesController {
  constructor(private readonly details: CustomerDetailsService) {}

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv3.1.0-createCustomerAddress',
    verb: 'POST',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/address',
    access: anyRole('CanCreateCustomerAddress'),
    summary: 'Create Address',
    errors: [...errors, 'InvalidJsonFormat'],
    requestBody: PostCustomerAddressJsonV310,
    responseBody: CustomerAddressJsonV310,
  })
  async create(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: PostCustomerAddressJsonV310) {
    return toCustomerAddressJson(await this.details.addAddress(bankId, customerId, body));
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv3.1.0-updateCustomerAddress',
    verb: 'PUT',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/addresses/CUSTOMER_ADDRESS_ID',
    // OBP guards this update with CanCreateCustomer, not an address role.
    access: anyRole('CanCreateCustomer'),
    summary: 'Update the Address of a Customer',
    errors: [...errors, 'InvalidJsonFormat', 'CustomerAddressNotFound'],
    requestBody: PostCustomerAddressJsonV310,
    responseBody: CustomerAddressJsonV310,
  })
  async update(
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('CUSTOMER_ADDRESS_ID') addressId: string,
    @ValidBody() body: PostCustomerAddressJsonV310,
  ) {
    return toCustomerAddressJson(await this.details.updateAddress(bankId, customerId, addressId, body));
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv3.1.0-getCustomerAddresses',
    verb: 'GET',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/addresses',
    access: anyRole('CanGetCustomerAddress'),
    summary: 'Get Customer Addresses',
    errors,
    responseBody: CustomerAddressesJsonV310,
  })
  async list(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string) {
    return { addresses: (await this.details.addresses(bankId, customerId)).map(toCustomerAddressJson) };
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv3.1.0-deleteCustomerAddress',
    responseBody: Boolean,
    verb: 'DELETE',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/addresses/CUSTOMER_ADDRESS_ID',
    access: anyRole('CanDeleteCustomerAddress'),
    summary: 'Delete Customer Address',
    description: 'Answers 200 with the body true, as OBP does.',
    errors: [...errors, 'CustomerAddressNotFound'],
    successStatus: 200,
  })
  async delete(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @Param('CUSTOMER_ADDRESS_ID') addressId: string): Promise<boolean> {
    await this.details.deleteAddress(bankId, customerId, addressId);
    return true;
  }
}
