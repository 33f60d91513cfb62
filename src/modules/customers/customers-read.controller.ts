import { Controller, Param } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import { AUTHENTICATED, anyRole } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { between, only, since } from '../../common/versioning/api-versions';
import { CustomerAttributesReader } from './customer-attributes.reader';
import { toCustomerJsonV140, toCustomerJsonV210, toCustomerJsonV310, toCustomerWithAttributesJsonV310 } from './customer.mapper';
import { CustomersService } from './customers.service';
import { PostCustomerNumberJsonV310 } from './dto/customer-number.json';
import { CUSTOMER_WITH_ATTRIBUTES_RESPONSE } from './dto/customer-response.schema';
import {
  CustomerIdsJsonV510,
  CustomerJSONs,
  CustomerJsonV140,
  CustomerWithAttributesJsonV310,
  CustomersJsonV140,
  CustomersWithAttributesJsonV300,
} from './dto/customers-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const TAGS = ['Customer'];

/** Reading one customer, and the customers linked to the caller. */
@Controller()
export class CustomersReadController {
  constructor(
    private readonly customers: CustomersService,
    private readonly attributes: CustomerAttributesReader,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getCustomerByCustomerId',
    verb: 'GET',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID',
    versions: since('3.1.0'),
    access: anyRole('CanGetCustomer'),
    summary: 'Get Customer by CUSTOMER_ID',
    description: 'The customer with its attributes at the bank. A customer of another bank is not found here.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'CustomerNotFoundByCustomerId', 'UnknownError'],
    responseBody: CustomerWithAttributesJsonV310,
  })
  @RouteSchema({ response: CUSTOMER_WITH_ATTRIBUTES_RESPONSE })
  async getCustomerByCustomerId(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string) {
    const customer = await this.customers.getAtBankWithAttributes(bankId, customerId);
    return toCustomerWithAttributesJsonV310(customer, customer.attributes);
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getCustomerByCustomerNumber',
    verb: 'POST',
    path: '/banks/BANK_ID/customers/customer-number',
    versions: since('3.1.0'),
    access: anyRole('CanGetCustomer'),
    summary: 'Get Customer by CUSTOMER_NUMBER',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'InvalidJsonFormat', 'CustomerNotFound', 'UnknownError'],
    successStatus: 200,
    requestBody: PostCustomerNumberJsonV310,
    responseBody: CustomerWithAttributesJsonV310,
  })
  async getCustomerByCustomerNumber(@Param('BANK_ID') bankId: string, @ValidBody() body: PostCustomerNumberJsonV310) {
    const customer = await this.customers.getByNumber(bankId, body.customer_number);
    return toCustomerWithAttributesJsonV310(customer, await this.attributes.forCustomer(bankId, customer.customerId));
  }

  @ObpEndpoint({
    operationId: 'OBPv1.4.0-getCustomer',
    verb: 'GET',
    path: '/banks/BANK_ID/customer',
    versions: between('1.4.0', '2.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Customer for current User',
    description: 'The first customer at the bank linked to the logged-in user.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserCustomerLinksNotFoundForUser', 'UnknownError'],
    responseBody: CustomerJsonV140,
  })
  async getCustomerForCurrentUser(@Param('BANK_ID') bankId: string, @CurrentAuth() auth: AuthContext) {
    const [first] = await this.customers.linkedToUser(auth.user.userId, bankId);
    if (!first) throw ObpException.of('UserCustomerLinksNotFoundForUser', `Current USER_ID(${auth.user.userId})`);
    return toCustomerJsonV140(first);
  }

  @ObpEndpoint({
    operationId: 'OBPv2.1.0-getCustomersForCurrentUserAtBank',
    verb: 'GET',
    path: '/banks/BANK_ID/customers',
    versions: between('2.1.0', '3.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Customers for current User at Bank',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UnknownError'],
    responseBody: CustomerJSONs,
  })
  async getCustomersForCurrentUserAtBank(@Param('BANK_ID') bankId: string, @CurrentAuth() auth: AuthContext) {
    return { customers: (await this.customers.linkedToUser(auth.user.userId, bankId)).map(toCustomerJsonV210) };
  }

  @ObpEndpoint({
    operationId: 'OBPv5.0.0-getMyCustomersAtBank',
    verb: 'GET',
    path: '/banks/BANK_ID/my/customers',
    versions: since('5.0.0'),
    access: AUTHENTICATED,
    summary: 'Get My Customers at Bank',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UnknownError'],
    responseBody: CustomerJSONs,
  })
  async getMyCustomersAtBank(@Param('BANK_ID') bankId: string, @CurrentAuth() auth: AuthContext) {
    return { customers: (await this.customers.linkedToUser(auth.user.userId, bankId)).map(toCustomerJsonV210) };
  }

  @ObpEndpoint({
    operationId: 'OBPv5.0.0-getMyCustomersAtAnyBank',
    verb: 'GET',
    path: '/my/customers',
    versions: since('5.0.0'),
    access: AUTHENTICATED,
    summary: 'Get My Customers',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UnknownError'],
    responseBody: CustomerJSONs,
  })
  async getMyCustomersAtAnyBank(@CurrentAuth() auth: AuthContext) {
    return { customers: (await this.customers.linkedToUser(auth.user.userId)).map(toCustomerJsonV210) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-getCustomers',
    verb: 'GET',
    path: '/users/current/customers',
    versions: only('2.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Customers for current User',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UnknownError'],
    responseBody: CustomersJsonV140,
  })
  async getCustomersForUserV200(@CurrentAuth() auth: AuthContext) {
    return { customers: (await this.customers.linkedToUser(auth.user.userId)).map(toCustomerJsonV140) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.1.0-getCustomersForUser',
    verb: 'GET',
    path: '/users/current/customers',
    versions: only('2.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Customers for current User',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UnknownError'],
    responseBody: CustomerJSONs,
  })
  async getCustomersForUserV210(@CurrentAuth() auth: AuthContext) {
    return { customers: (await this.customers.linkedToUser(auth.user.userId)).map(toCustomerJsonV210) };
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getCustomersForUser',
    verb: 'GET',
    path: '/users/current/customers',
    versions: since('3.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Customers for current User',
    description: 'Every customer linked to the logged-in user, at any bank, each with its attributes.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UnknownError'],
    responseBody: CustomersWithAttributesJsonV300,
  })
  async getCustomersForUserV300(@CurrentAuth() auth: AuthContext) {
    const customers = await this.customers.linkedToUser(auth.user.userId);
    const attributes = await this.attributes.forCustomers(customers.map((customer) => customer.customerId));
    return {
      customers: customers.map((customer) => ({ ...toCustomerJsonV310(customer), customer_attributes: attributes.get(customer.customerId) ?? [] })),
    };
  }

  @ObpEndpoint({
    operationId: 'OBPv5.1.0-getCustomersForUserIdsOnly',
    verb: 'GET',
    path: '/users/current/customers/customer_ids',
    versions: only('5.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Customer ids for current User',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UnknownError'],
    responseBody: CustomerIdsJsonV510,
  })
  async getCustomerIdsForUser(@CurrentAuth() auth: AuthContext) {
    return { customers: (await this.customers.linkedToUser(auth.user.userId)).map((customer) => ({ id: customer.customerId })) };
  }
}
