import { Controller, Param } from '@nestjs/common';
import { allRoles, allRolesOfAnyGroup, anyRole } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { between, only, since } from '../../common/versioning/api-versions';
import { customerFieldsFrom } from './customer-input';
import { toCustomerJsonV140, toCustomerJsonV210, toCustomerJsonV310 } from './customer.mapper';
import { CustomersService } from './customers.service';
import { CreateCustomerJson, PostCustomerJsonV210, PostCustomerJsonV310, PostCustomerJsonV500 } from './dto/create-customer.json';
import { CustomerJsonV140, CustomerJsonV210, CustomerJsonV310 } from './dto/customers-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const create = {
  verb: 'POST',
  path: '/banks/BANK_ID/customers',
  summary: 'Create Customer',
  tags: ['Customer', 'Person'],
} satisfies Partial<ObpEndpointOptions>;

const linkingErrors = [
  'UserNotLoggedIn',
  'BankNotFound',
  'InvalidJsonFormat',
  'UserHasMissingRoles',
  'CustomerNumberAlreadyExists',
  'UserNotFoundById',
  'InvalidJsonContent',
] satisfies ObpEndpointOptions['errors'];

const generatingErrors = [
  'UserNotLoggedIn',
  'BankNotFound',
  'UserHasMissingRoles',
  'InvalidJsonFormat',
  'InvalidJsonContent',
  'CustomerNumberAlreadyExists',
  'CreateCustomerError',
] satisfies ObpEndpointOptions['errors'];

/**
 * One handler per create-customer body shape. The v1.4.0-v3.0.0 forms take the number from the
 * body and link the customer to a user; v3.1.0/v4.0.0 generate the number; v5.0.0 makes it optional.
 */
@Controller()
export class CustomersCreateController {
  constructor(private readonly customers: CustomersService) {}

  @ObpEndpoint({
    ...create,
    operationId: 'OBPv1.4.0-addCustomer',
    path: '/banks/BANK_ID/customer',
    versions: only('1.4.0'),
    access: allRoles('CanCreateCustomer', 'CanCreateUserCustomerLink'),
    summary: 'Add Customer',
    description: 'Creates a customer with the given number and links it to user_id (or the caller). Answers 200, as OBP v1.4.0 did.',
    errors: linkingErrors,
    successStatus: 200,
    requestBody: CreateCustomerJson,
    responseBody: CustomerJsonV140,
  })
  async addCustomerV140(@Param('BANK_ID') bankId: string, @ValidBody() body: CreateCustomerJson, @CurrentAuth() auth: AuthContext) {
    return toCustomerJsonV140(await this.createLinked(bankId, body, auth));
  }

  @ObpEndpoint({
    ...create,
    operationId: 'OBPv2.0.0-createCustomer',
    versions: only('2.0.0'),
    access: allRoles('CanCreateCustomer', 'CanCreateUserCustomerLink'),
    errors: linkingErrors,
    requestBody: CreateCustomerJson,
    responseBody: CustomerJsonV140,
  })
  async createCustomerV200(@Param('BANK_ID') bankId: string, @ValidBody() body: CreateCustomerJson, @CurrentAuth() auth: AuthContext) {
    return toCustomerJsonV140(await this.createLinked(bankId, body, auth));
  }

  @ObpEndpoint({
    ...create,
    operationId: 'OBPv2.1.0-createCustomer',
    versions: between('2.1.0', '3.0.0'),
    access: allRolesOfAnyGroup(['CanCreateCustomer', 'CanCreateUserCustomerLink'], ['CanCreateCustomerAtAnyBank', 'CanCreateUserCustomerLinkAtAnyBank']),
    errors: linkingErrors,
    requestBody: PostCustomerJsonV210,
    responseBody: CustomerJsonV210,
  })
  async createCustomerV210(@Param('BANK_ID') bankId: string, @ValidBody() body: PostCustomerJsonV210, @CurrentAuth() auth: AuthContext) {
    return toCustomerJsonV210(await this.createLinked(bankId, body, auth));
  }

  @ObpEndpoint({
    ...create,
    operationId: 'OBPv3.1.0-createCustomer',
    versions: only('3.1.0'),
    access: anyRole('CanCreateCustomer', 'CanCreateCustomerAtAnyBank'),
    description: 'Creates a customer; the server generates customer_number. dependants must equal the number of dob_of_dependants.',
    errors: generatingErrors,
    requestBody: PostCustomerJsonV310,
    responseBody: CustomerJsonV310,
  })
  async createCustomerV310(@Param('BANK_ID') bankId: string, @ValidBody() body: PostCustomerJsonV310) {
    return toCustomerJsonV310(await this.customers.create({ bankId, fields: customerFieldsFrom(body) }));
  }

  @ObpEndpoint({
    ...create,
    operationId: 'OBPv4.0.0-createCustomer',
    versions: only('4.0.0'),
    access: anyRole('CanCreateCustomer', 'CanCreateCustomerAtAnyBank'),
    description: 'Creates a customer; the server generates customer_number. dependants must equal the number of dob_of_dependants.',
    errors: generatingErrors,
    requestBody: PostCustomerJsonV310,
    responseBody: CustomerJsonV310,
  })
  async createCustomerV400(@Param('BANK_ID') bankId: string, @ValidBody() body: PostCustomerJsonV310) {
    return toCustomerJsonV310(await this.customers.create({ bankId, fields: customerFieldsFrom(body) }));
  }

  @ObpEndpoint({
    ...create,
    operationId: 'OBPv5.0.0-createCustomer',
    versions: since('5.0.0'),
    access: anyRole('CanCreateCustomer', 'CanCreateCustomerAtAnyBank'),
    description:
      'Creates a customer from legal_name and mobile_phone_number, everything else optional; customer_number is generated when absent and must be unique at the bank.',
    errors: generatingErrors,
    requestBody: PostCustomerJsonV500,
    responseBody: CustomerJsonV310,
  })
  async createCustomerV500(@Param('BANK_ID') bankId: string, @ValidBody() body: PostCustomerJsonV500) {
    const customer = await this.customers.create({ bankId, fields: customerFieldsFrom(body), customerNumber: body.customer_number });
    return toCustomerJsonV310(customer);
  }

  private createLinked(bankId: string, body: CreateCustomerJson | PostCustomerJsonV210, auth: AuthContext) {
    return this.customers.create({
      bankId,
      // OBP's v1.4.0-v3.0.0 create endpoints have no dependants / dob_of_dependants rule.
      fields: customerFieldsFrom(body, false),
      customerNumber: body.customer_number,
      linkToUserId: this.customers.linkTarget(auth, body.user_id),
    });
  }
}
