import { Controller, Param } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import type { RoleName } from '../../common/auth/roles';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import { date } from './customer-input';
import { toCustomerJsonV310 } from './customer.mapper';
import { CustomersService } from './customers.service';
import {
  PutUpdateCustomerBranchJsonV310,
  PutUpdateCustomerCreditLimitJsonV310,
  PutUpdateCustomerCreditRatingAndSourceJsonV310,
  PutUpdateCustomerDataJsonV310,
  PutUpdateCustomerEmailJsonV310,
  PutUpdateCustomerIdentityJsonV310,
  PutUpdateCustomerMobilePhoneNumberJsonV310,
  PutUpdateCustomerNumberJsonV310,
} from './dto/update-customer.json';
import { CustomerJsonV310 } from './dto/customers-responses.json';
import { ValidBody } from '../../common/http/valid-body';

/** The options every customer-field update shares; each names its sub-path, role(s) and body. */
function update(operation: string, segment: string, summary: string, roles: RoleName[], requestBody: ObpEndpointOptions['requestBody']): ObpEndpointOptions {
  return {
    operationId: `OBPv3.1.0-${operation}`,
    verb: 'PUT',
    path: `/banks/BANK_ID/customers/CUSTOMER_ID/${segment}`,
    versions: since('3.1.0'),
    access: anyRole(...roles),
    summary,
    tags: ['Customer'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'InvalidJsonFormat', 'CustomerNotFoundByCustomerId', 'UpdateCustomerError'],
    requestBody,
    responseBody: CustomerJsonV310,
  };
}

/**
 * The eight single-purpose customer updates. Each writes only its own columns in one statement,
 * so concurrent updates of different fields never lose each other's changes.
 */
@Controller()
export class CustomerUpdatesController {
  constructor(private readonly customers: CustomersService) {}

  @ObpEndpoint(update('updateCustomerEmail', 'email', 'Update the email of a Customer', ['CanUpdateCustomerEmail'], PutUpdateCustomerEmailJsonV310))
  async email(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: PutUpdateCustomerEmailJsonV310) {
    return toCustomerJsonV310(await this.customers.update(bankId, customerId, { email: body.email }));
  }

  @ObpEndpoint(
    update(
      'updateCustomerMobileNumber',
      'mobile-number',
      'Update the mobile number of a Customer',
      ['CanUpdateCustomerMobilePhoneNumber'],
      PutUpdateCustomerMobilePhoneNumberJsonV310,
    ),
  )
  async mobileNumber(
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @ValidBody() body: PutUpdateCustomerMobilePhoneNumberJsonV310,
  ) {
    return toCustomerJsonV310(await this.customers.update(bankId, customerId, { mobilePhoneNumber: body.mobile_phone_number }));
  }

  @ObpEndpoint(
    update('updateCustomerIdentity', 'identity', 'Update the identity data of a Customer', ['CanUpdateCustomerIdentity'], PutUpdateCustomerIdentityJsonV310),
  )
  async identity(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: PutUpdateCustomerIdentityJsonV310) {
    return toCustomerJsonV310(
      await this.customers.update(bankId, customerId, {
        legalName: body.legal_name,
        dateOfBirth: date(body.date_of_birth),
        title: body.title,
        nameSuffix: body.name_suffix,
      }),
    );
  }

  @ObpEndpoint(
    update(
      'updateCustomerCreditLimit',
      'credit-limit',
      'Update the credit limit of a Customer',
      ['CanUpdateCustomerCreditLimit'],
      PutUpdateCustomerCreditLimitJsonV310,
    ),
  )
  async creditLimit(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: PutUpdateCustomerCreditLimitJsonV310) {
    return toCustomerJsonV310(
      await this.customers.update(bankId, customerId, { creditLimitCurrency: body.credit_limit.currency, creditLimitAmount: body.credit_limit.amount }),
    );
  }

  @ObpEndpoint(
    update(
      'updateCustomerCreditRatingAndSource',
      'credit-rating-and-source',
      'Update the credit rating and source of a Customer',
      ['CanUpdateCustomerCreditRatingAndSource', 'CanUpdateCustomerCreditRatingAndSourceAtAnyBank'],
      PutUpdateCustomerCreditRatingAndSourceJsonV310,
    ),
  )
  async creditRating(
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @ValidBody() body: PutUpdateCustomerCreditRatingAndSourceJsonV310,
  ) {
    return toCustomerJsonV310(await this.customers.update(bankId, customerId, { creditRating: body.credit_rating, creditSource: body.credit_source }));
  }

  @ObpEndpoint(update('updateCustomerBranch', 'branch', 'Update the branch of a Customer', ['CanUpdateCustomerBranch'], PutUpdateCustomerBranchJsonV310))
  async branch(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: PutUpdateCustomerBranchJsonV310) {
    return toCustomerJsonV310(await this.customers.update(bankId, customerId, { branchId: body.branch_id }));
  }

  @ObpEndpoint(update('updateCustomerData', 'data', 'Update the other data of a Customer', ['CanUpdateCustomerData'], PutUpdateCustomerDataJsonV310))
  async data(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: PutUpdateCustomerDataJsonV310) {
    return toCustomerJsonV310(
      await this.customers.update(bankId, customerId, {
        faceImageUrl: body.face_image.url,
        faceImageDate: date(body.face_image.date),
        relationshipStatus: body.relationship_status,
        dependants: body.dependants,
        highestEducationAttained: body.highest_education_attained,
        employmentStatus: body.employment_status,
      }),
    );
  }

  @ObpEndpoint(update('updateCustomerNumber', 'number', 'Update the number of a Customer', ['CanUpdateCustomerNumber'], PutUpdateCustomerNumberJsonV310))
  async number(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: PutUpdateCustomerNumberJsonV310) {
    return toCustomerJsonV310(await this.customers.updateNumber(bankId, customerId, body.customer_number));
  }
}
