import { Controller, Param } from '@nestjs/common';
import { AUTHENTICATED } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import { CreditLimitRequestsService, toCreditLimitOrderResponseJson, toCreditLimitRequestJson } from './credit-limit-requests.service';
import { CreditLimitRequestJson } from './dto/credit-limit-request.json';
import { CreditLimitOrderRequestCreatedJson, CreditLimitOrderRequestJson, CreditLimitOrderRequestsJson } from './dto/credit-limit-requests-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const common = {
  versions: since('3.1.0'),
  access: AUTHENTICATED,
  tags: ['Customer'],
  errors: ['UserNotLoggedIn', 'BankNotFound', 'CustomerNotFoundByCustomerId', 'UserHasMissingRoles'],
} satisfies Partial<ObpEndpointOptions>;

const WHO = 'Open to the users linked to the customer and to holders of CanGetCustomer (at the bank) or CanGetCustomersAtAnyBank.';

/** Credit limit order requests, stored for real (OBP only returned example data). */
@Controller()
export class CreditLimitRequestsController {
  constructor(private readonly requests: CreditLimitRequestsService) {}

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv3.1.0-createCreditLimitRequest',
    verb: 'POST',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/credit_limit/requests',
    summary: 'Create Credit Limit Order Request',
    description: `Stores a request to change the customer's credit limit and answers OBP's order confirmation. ${WHO}`,
    errors: [...common.errors, 'InvalidJsonFormat'],
    requestBody: CreditLimitRequestJson,
    responseBody: CreditLimitOrderRequestCreatedJson,
  })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @ValidBody() body: CreditLimitRequestJson,
  ) {
    return toCreditLimitOrderResponseJson(await this.requests.create(auth, bankId, customerId, body));
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv3.1.0-getCreditLimitRequests',
    verb: 'GET',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/credit_limit/requests',
    summary: 'Get Credit Limit Order Requests',
    description: `The customer's credit limit requests, oldest first. ${WHO}`,
    responseBody: CreditLimitOrderRequestsJson,
  })
  async list(@CurrentAuth() auth: AuthContext, @Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string) {
    return { credit_limit_requests: (await this.requests.list(auth, bankId, customerId)).map(toCreditLimitRequestJson) };
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv3.1.0-getCreditLimitRequestByRequestId',
    verb: 'GET',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/credit_limit/requests/REQUEST_ID',
    summary: 'Get Credit Limit Order Request By Request Id',
    description: WHO,
    errors: [...common.errors, 'CreditLimitRequestNotFound'],
    responseBody: CreditLimitOrderRequestJson,
  })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('REQUEST_ID') requestId: string,
  ) {
    return toCreditLimitRequestJson(await this.requests.get(auth, bankId, customerId, requestId));
  }
}
