import { Controller, Param } from '@nestjs/common';
import { AUTHENTICATED, anyRole } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import { CustomerMessagesService, toMessageJsonV140, toMessageJsonV400 } from './customer-messages.service';
import { AddCustomerMessageJson, CreateMessageJsonV400 } from './dto/customer-message.json';
import { SuccessMessageJSON } from '../transaction-metadata/dto/transaction-metadata.json';
import { CustomerMessagesJson, CustomerMessagesJsonV400 } from './dto/customer-messages-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const SUCCESS = { success: 'Success' };

@Controller()
export class CustomerMessagesController {
  constructor(private readonly messages: CustomerMessagesService) {}

  @ObpEndpoint({
    operationId: 'OBPv1.4.0-addCustomerMessage',
    verb: 'POST',
    path: '/banks/BANK_ID/customer/CUSTOMER_ID/messages',
    versions: since('1.4.0'),
    access: AUTHENTICATED,
    summary: 'Create Customer Message',
    description: 'Sends a message to the user linked to the customer. Any logged-in user may call it, as in OBP.',
    tags: ['Customer-Message', 'Customer'],
    errors: ['UserNotLoggedIn', 'InvalidJsonFormat', 'BankNotFound', 'CustomerNotFoundByCustomerId', 'UserCustomerLinksNotFoundForUser'],
    requestBody: AddCustomerMessageJson,
    responseBody: SuccessMessageJSON,
  })
  async addCustomerMessage(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: AddCustomerMessageJson) {
    await this.messages.sendToLinkedUser(bankId, customerId, body);
    return SUCCESS;
  }

  @ObpEndpoint({
    operationId: 'OBPv1.4.0-getCustomersMessages',
    verb: 'GET',
    path: '/banks/BANK_ID/customer/messages',
    versions: since('1.4.0'),
    access: AUTHENTICATED,
    summary: 'Get Customer Messages for all Customers',
    description: 'The messages addressed to the logged-in user at the bank, oldest first.',
    tags: ['Customer-Message', 'Customer'],
    errors: ['UserNotLoggedIn', 'BankNotFound'],
    responseBody: CustomerMessagesJson,
  })
  async getCustomersMessages(@Param('BANK_ID') bankId: string, @CurrentAuth() auth: AuthContext) {
    return { messages: (await this.messages.forUserAtBank(auth.user.userId, bankId)).map(toMessageJsonV140) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-createCustomerMessage',
    verb: 'POST',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/messages',
    versions: since('4.0.0'),
    access: anyRole('CanCreateCustomerMessage'),
    summary: 'Create Customer Message',
    tags: ['Customer-Message', 'Customer'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'InvalidJsonFormat', 'CustomerNotFoundByCustomerId'],
    requestBody: CreateMessageJsonV400,
    responseBody: SuccessMessageJSON,
  })
  async createCustomerMessage(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: CreateMessageJsonV400) {
    await this.messages.sendToCustomer(bankId, customerId, body);
    return SUCCESS;
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getCustomerMessages',
    verb: 'GET',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/messages',
    versions: since('4.0.0'),
    access: anyRole('CanGetCustomerMessages'),
    summary: 'Get Customer Messages for a Customer',
    tags: ['Customer-Message', 'Customer'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'CustomerNotFoundByCustomerId'],
    responseBody: CustomerMessagesJsonV400,
  })
  async getCustomerMessages(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string) {
    return { messages: (await this.messages.forCustomer(bankId, customerId)).map(toMessageJsonV400) };
  }
}
