import { Controller, Param } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import { anyRole } from '../../common/auth/access';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { ListQueryParams, type ListQuery } from '../../common/http/list-query';
import { PagingQuery, type Paging } from '../../common/http/paging';
import { since } from '../../common/versioning/api-versions';
import { toCustomerJsonV310 } from './customer.mapper';
import { CustomersRepository, type CustomerRow } from './customers.repository';
import { customersV310Response } from './dto/customer-response.schema';
import { PostCustomerPhoneNumberJsonV400 } from './dto/phone-search.json';
import { CustomersJsonV300, CustomersMinimalJsonV300 } from './dto/customers-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const listErrors = [
  'UserNotLoggedIn',
  'UserHasMissingRoles',
  'FilterLimitError',
  'FilterOffersetError',
  'FilterSortDirectionError',
  'FilterDateFormatError',
  'UnknownError',
] satisfies ObpEndpointOptions['errors'];

const listQueryDescription = 'Paged with limit (default 50), offset, sort_direction (ASC|DESC by last_ok_date), from_date and to_date (last update).';

function minimal(customer: CustomerRow) {
  return { bank_id: customer.bankId, customer_id: customer.customerId };
}

/** Lists are paged in SQL: memory per request does not grow with the number of customers. */
@Controller()
export class CustomersListController {
  constructor(private readonly customers: CustomersRepository) {}

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getCustomersAtAnyBank',
    verb: 'GET',
    path: '/customers',
    versions: since('4.0.0'),
    access: anyRole('CanGetCustomersAtAnyBank'),
    summary: 'Get Customers at Any Bank',
    description: `${listQueryDescription} Each page is sorted by bank_id, as OBP does.`,
    tags: ['Customer'],
    errors: listErrors,
    responseBody: CustomersJsonV300,
  })
  @RouteSchema({ response: customersV310Response(200) })
  async atAnyBank(@ListQueryParams() query: ListQuery) {
    const page = await this.customers.page(query);
    return { customers: sortByBank(page).map(toCustomerJsonV310) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getCustomersMinimalAtAnyBank',
    verb: 'GET',
    path: '/customers-minimal',
    versions: since('4.0.0'),
    access: anyRole('CanGetCustomersMinimalAtAnyBank'),
    summary: 'Get Customers Minimal at Any Bank',
    description: listQueryDescription,
    tags: ['Customer'],
    errors: listErrors,
    responseBody: CustomersMinimalJsonV300,
  })
  async minimalAtAnyBank(@ListQueryParams() query: ListQuery) {
    return { customers: sortByBank(await this.customers.page(query)).map(minimal) };
  }

  @ObpEndpoint({
    operationId: 'OBPv5.0.0-getCustomersAtOneBank',
    verb: 'GET',
    path: '/banks/BANK_ID/customers',
    versions: since('5.0.0'),
    access: anyRole('CanGetCustomers'),
    summary: 'Get Customers at Bank',
    description: listQueryDescription,
    tags: ['Customer'],
    errors: ['BankNotFound', ...listErrors],
    responseBody: CustomersJsonV300,
  })
  @RouteSchema({ response: customersV310Response(200) })
  async atOneBank(@Param('BANK_ID') bankId: string, @ListQueryParams() query: ListQuery) {
    return { customers: (await this.customers.page(query, bankId)).map(toCustomerJsonV310) };
  }

  @ObpEndpoint({
    operationId: 'OBPv5.0.0-getCustomersMinimalAtOneBank',
    verb: 'GET',
    path: '/banks/BANK_ID/customers-minimal',
    versions: since('5.0.0'),
    access: anyRole('CanGetCustomersMinimal'),
    summary: 'Get Customers Minimal at Bank',
    description: listQueryDescription,
    tags: ['Customer'],
    errors: ['BankNotFound', ...listErrors],
    responseBody: CustomersMinimalJsonV300,
  })
  async minimalAtOneBank(@Param('BANK_ID') bankId: string, @ListQueryParams() query: ListQuery) {
    return { customers: (await this.customers.page(query, bankId)).map(minimal) };
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getFirehoseCustomers',
    verb: 'GET',
    path: '/banks/BANK_ID/firehose/customers',
    versions: since('3.1.0'),
    access: anyRole('CanUseCustomerFirehoseAtAnyBank'),
    featureGate: { flag: 'allowCustomerFirehose', error: 'AccountFirehoseNotAllowedOnThisInstance' },
    summary: 'Get Firehose Customers',
    description: `Needs OBP_ALLOW_CUSTOMER_FIREHOSE=true. ${listQueryDescription} Any other query parameter NAME=VALUE keeps customers having that attribute (several are OR-ed).`,
    tags: ['Customer', 'FirehoseData'],
    errors: ['AccountFirehoseNotAllowedOnThisInstance', 'BankNotFound', ...listErrors],
    responseBody: CustomersJsonV300,
  })
  @RouteSchema({ response: customersV310Response(200) })
  async firehose(@Param('BANK_ID') bankId: string, @ListQueryParams({ attributeFilters: true }) query: ListQuery) {
    return { customers: (await this.customers.page(query, bankId, query.otherParameters)).map(toCustomerJsonV310) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getCustomersByCustomerPhoneNumber',
    verb: 'POST',
    path: '/banks/BANK_ID/search/customers/mobile-phone-number',
    versions: since('4.0.0'),
    // OBP requires no role here, which would let any user harvest customers' phone numbers.
    access: anyRole('CanGetCustomers', 'CanGetCustomersAtAnyBank'),
    summary: 'Get Customers by MOBILE_PHONE_NUMBER',
    description:
      'SQL LIKE search on mobile numbers at the bank: % matches any run of characters, _ one character ("%381%"). ' +
      'Paged with limit (default 50) and offset query parameters. Answers 201, as OBP does.',
    tags: ['Customer'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'InvalidJsonFormat', 'FilterLimitError', 'FilterOffersetError'],
    requestBody: PostCustomerPhoneNumberJsonV400,
    responseBody: CustomersJsonV300,
  })
  @RouteSchema({ response: customersV310Response(201) })
  async byPhoneNumber(@Param('BANK_ID') bankId: string, @ValidBody() body: PostCustomerPhoneNumberJsonV400, @PagingQuery() page: Paging) {
    return { customers: (await this.customers.searchByPhone(bankId, body.mobile_phone_number, page.limit, page.offset)).map(toCustomerJsonV310) };
  }
}

function sortByBank(customers: CustomerRow[]): CustomerRow[] {
  return [...customers].sort((a, b) => a.bankId.localeCompare(b.bankId));
}
