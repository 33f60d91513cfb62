import { Controller, Param } from '@nestjs/common';
import { AUTHENTICATED, anyRole } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { between, since } from '../../common/versioning/api-versions';
import { toCustomerJsonV310 } from '../customers/customer.mapper';
import { CreateUserCustomerLinkJson } from './dto/create-user-customer-link.json';
import { toCorrelatedUserJson, toUserCustomerLinkJson, UserCustomerLinksService } from './user-customer-links.service';
import {
  CorrelatedUsersResponseJson,
  CustomerAndUsersWithAttributesResponseJson,
  UserCustomerLinkJson,
  UserCustomerLinksJson,
} from './dto/user-customer-links-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const createOptions = {
  verb: 'POST',
  path: '/banks/BANK_ID/user_customer_links',
  access: anyRole('CanCreateUserCustomerLink', 'CanCreateUserCustomerLinkAtAnyBank'),
  summary: 'Create User Customer Link',
  tags: ['Customer', 'User'],
  errors: [
    'UserNotLoggedIn',
    'BankNotFound',
    'UserHasMissingRoles',
    'InvalidJsonFormat',
    'UserNotFoundByUserId',
    'CustomerNotFoundByCustomerId',
    'InvalidCustomerBankId',
    'CustomerAlreadyExistsForUser',
  ],
  requestBody: CreateUserCustomerLinkJson,
} satisfies Partial<ObpEndpointOptions>;

@Controller()
export class UserCustomerLinksController {
  constructor(private readonly links: UserCustomerLinksService) {}

  @ObpEndpoint({
    ...createOptions,
    operationId: 'OBPv2.0.0-createUserCustomerLinks',
    versions: between('2.0.0', '3.1.0'),
    description: 'Links a user to a customer of the bank. Answers 200, as OBP v2.0.0 did (OBP checked no login or role here; this server does).',
    successStatus: 200,
    responseBody: UserCustomerLinkJson,
  })
  async createV200(@Param('BANK_ID') bankId: string, @ValidBody() body: CreateUserCustomerLinkJson) {
    return toUserCustomerLinkJson(await this.links.create(bankId, body.user_id, body.customer_id));
  }

  @ObpEndpoint({ ...createOptions, operationId: 'OBPv4.0.0-createUserCustomerLinks', versions: since('4.0.0'), responseBody: UserCustomerLinkJson })
  async createV400(@Param('BANK_ID') bankId: string, @ValidBody() body: CreateUserCustomerLinkJson) {
    return toUserCustomerLinkJson(await this.links.create(bankId, body.user_id, body.customer_id));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getUserCustomerLinksByUserId',
    verb: 'GET',
    path: '/banks/BANK_ID/user_customer_links/users/USER_ID',
    versions: since('4.0.0'),
    access: anyRole('CanGetUserCustomerLink'),
    summary: 'Get User Customer Links by User',
    description: "The user's links to customers of this bank.",
    tags: ['Customer', 'User'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles'],
    responseBody: UserCustomerLinksJson,
  })
  async byUser(@Param('BANK_ID') bankId: string, @Param('USER_ID') userId: string) {
    return { user_customer_links: (await this.links.byUser(bankId, userId)).map(toUserCustomerLinkJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getUserCustomerLinksByCustomerId',
    verb: 'GET',
    path: '/banks/BANK_ID/user_customer_links/customers/CUSTOMER_ID',
    versions: since('4.0.0'),
    access: anyRole('CanGetUserCustomerLink'),
    summary: 'Get User Customer Links by Customer',
    tags: ['Customer', 'User'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'CustomerNotFoundByCustomerId'],
    responseBody: UserCustomerLinksJson,
  })
  async byCustomer(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string) {
    return { user_customer_links: (await this.links.byCustomer(bankId, customerId)).map(toUserCustomerLinkJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-deleteUserCustomerLink',
    responseBody: Boolean,
    verb: 'DELETE',
    path: '/banks/BANK_ID/user_customer_links/USER_CUSTOMER_LINK_ID',
    versions: since('4.0.0'),
    access: anyRole('CanDeleteUserCustomerLink'),
    summary: 'Delete User Customer Link',
    description: 'Answers 200 with the body true, as OBP does.',
    tags: ['Customer', 'User'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'UserCustomerLinkNotFound'],
    successStatus: 200,
  })
  async delete(@Param('BANK_ID') bankId: string, @Param('USER_CUSTOMER_LINK_ID') linkId: string): Promise<boolean> {
    await this.links.delete(bankId, linkId);
    return true;
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getCorrelatedUsersInfoByCustomerId',
    verb: 'GET',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/correlated-users',
    versions: since('4.0.0'),
    access: anyRole('CanGetCorrelatedUsersInfo', 'CanGetCorrelatedUsersInfoAtAnyBank'),
    summary: 'Get Correlated User Info by Customer',
    description: 'The customer and every user linked to it.',
    tags: ['Customer', 'User'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'CustomerNotFoundByCustomerId'],
    responseBody: CustomerAndUsersWithAttributesResponseJson,
  })
  async correlatedUsers(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string) {
    const { customer, users } = await this.links.correlatedUsers(bankId, customerId);
    return { customer: toCustomerJsonV310(customer), users: users.map(toCorrelatedUserJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getMyCorrelatedEntities',
    verb: 'GET',
    path: '/my/correlated-entities',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Correlated Entities for the current User',
    description: 'For each customer linked to the caller: the customer and every user linked to it.',
    tags: ['Customer', 'User'],
    errors: ['UserNotLoggedIn'],
    responseBody: CorrelatedUsersResponseJson,
  })
  async myCorrelatedEntities(@CurrentAuth() auth: AuthContext) {
    const entities = await this.links.correlatedEntities(auth.user.userId);
    return { correlated_entities: entities.map(({ customer, users }) => ({ customer: toCustomerJsonV310(customer), users: users.map(toCorrelatedUserJson) })) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-deleteCustomerCascade',
    responseBody: Boolean,
    verb: 'DELETE',
    path: '/management/cascading/banks/BANK_ID/customers/CUSTOMER_ID',
    versions: since('4.0.0'),
    access: anyRole('CanDeleteCustomerCascade'),
    summary: 'Delete Customer Cascade',
    description: 'Deletes the customer and everything that belongs to it, in one transaction. Answers 200 with the body true.',
    tags: ['Customer'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'CustomerNotFoundByCustomerId'],
    successStatus: 200,
  })
  async deleteCustomerCascade(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string): Promise<boolean> {
    await this.links.deleteCustomerCascade(bankId, customerId);
    return true;
  }
}
