import { Controller, Param } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { AttributeFilterQuery } from '../../common/http/list-query';
import { only, since } from '../../common/versioning/api-versions';
import { toCustomerAttributeJson } from '../customers/customer-attributes.reader';
import { toCustomerWithAttributesJsonV310 } from '../customers/customer.mapper';
import { CustomerAttributesService } from './customer-attributes.service';
import { CustomerAttributeJsonV400 } from './dto/customer-attribute.json';
import { CustomerAttributesResponseJson } from './dto/customer-attributes-responses.json';
import { CustomerAttributeJsonV310, CustomersWithAttributesJsonV300 } from '../customers/dto/customers-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const common = {
  versions: since('4.0.0'),
  tags: ['Customer'],
} satisfies Partial<ObpEndpointOptions>;

const customerErrors = [
  'UserNotLoggedIn',
  'BankNotFound',
  'UserHasMissingRoles',
  'CustomerNotFoundByCustomerId',
  'InvalidCustomerBankId',
] satisfies ObpEndpointOptions['errors'];

/** Typed name/value attributes of customers (v4.0.0+), with OBP's path spellings. */
@Controller()
export class CustomerAttributesController {
  constructor(private readonly attributes: CustomerAttributesService) {}

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv4.0.0-createCustomerAttribute',
    verb: 'POST',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/attribute',
    access: anyRole('CanCreateCustomerAttributeAtOneBank', 'CanCreateCustomerAttributeAtAnyBank'),
    summary: 'Create Customer Attribute',
    description: 'type is STRING, INTEGER, DOUBLE or DATE_WITH_DAY (yyyy-MM-dd); the value must read as that type. Note the singular ".../attribute".',
    errors: ['InvalidJsonFormat', ...customerErrors],
    requestBody: CustomerAttributeJsonV400,
    responseBody: CustomerAttributeJsonV310,
  })
  async create(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: CustomerAttributeJsonV400) {
    return toCustomerAttributeJson(await this.attributes.create(bankId, customerId, body));
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv4.0.0-updateCustomerAttribute',
    verb: 'PUT',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/attributes/CUSTOMER_ATTRIBUTE_ID',
    access: anyRole('CanUpdateCustomerAttributeAtOneBank', 'CanUpdateCustomerAttributeAtAnyBank'),
    summary: 'Update Customer Attribute',
    errors: ['InvalidJsonFormat', ...customerErrors, 'CustomerAttributeNotFound'],
    requestBody: CustomerAttributeJsonV400,
    responseBody: CustomerAttributeJsonV310,
  })
  async update(
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('CUSTOMER_ATTRIBUTE_ID') attributeId: string,
    @ValidBody() body: CustomerAttributeJsonV400,
  ) {
    return toCustomerAttributeJson(await this.attributes.update(bankId, customerId, attributeId, body));
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv4.0.0-getCustomerAttributes',
    verb: 'GET',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/attributes',
    access: anyRole('CanGetCustomerAttributesAtOneBank', 'CanGetCustomerAttributesAtAnyBank'),
    summary: 'Get Customer Attributes',
    errors: customerErrors,
    responseBody: CustomerAttributesResponseJson,
  })
  async list(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string) {
    return { customer_attributes: await this.attributes.list(bankId, customerId) };
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv4.0.0-getCustomerAttributeById',
    verb: 'GET',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/attributes/ATTRIBUTE_ID',
    access: anyRole('CanGetCustomerAttributeAtOneBank', 'CanGetCustomerAttributeAtAnyBank'),
    summary: 'Get Customer Attribute By Id',
    errors: [...customerErrors, 'CustomerAttributeNotFound'],
    responseBody: CustomerAttributeJsonV310,
  })
  async one(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @Param('ATTRIBUTE_ID') attributeId: string) {
    return toCustomerAttributeJson(await this.attributes.one(bankId, customerId, attributeId));
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv4.0.0-deleteCustomerAttribute',
    verb: 'DELETE',
    // OBP's documented path has the customer id, but only this form ever matched.
    path: '/banks/BANK_ID/customers/attributes/CUSTOMER_ATTRIBUTE_ID',
    access: anyRole('CanDeleteCustomerAttributeAtOneBank', 'CanDeleteCustomerAttributeAtAnyBank'),
    summary: 'Delete Customer Attribute',
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'CustomerAttributeNotFound'],
    successStatus: 204,
  })
  async delete(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ATTRIBUTE_ID') attributeId: string): Promise<void> {
    await this.attributes.delete(bankId, attributeId);
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getCustomersByAttributes',
    verb: 'GET',
    path: '/banks/BANK_ID/customers',
    versions: only('4.0.0'),
    access: anyRole('CanGetCustomer'),
    summary: 'Get Customers by ATTRIBUTE',
    description:
      'Every query parameter NAME=VALUE is an attribute filter; filters are OR-ed and each matching attribute yields one item ' +
      '(a customer may appear more than once). Without parameters, every attribute of the bank yields one item. At most 10000 items.',
    tags: ['Customer'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles'],
    responseBody: CustomersWithAttributesJsonV300,
  })
  async customersByAttributes(@Param('BANK_ID') bankId: string, @AttributeFilterQuery() pairs: [string, string][]) {
    const items = await this.attributes.customersByAttributes(bankId, pairs);
    return { customers: items.map((item) => toCustomerWithAttributesJsonV310(item.customer, item.attributes)) };
  }
}
