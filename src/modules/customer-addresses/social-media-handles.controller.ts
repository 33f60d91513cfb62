import { Controller, Param } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import { toSocialMediaJson } from './customer-details.mapper';
import { CustomerDetailsService } from './customer-details.service';
import { SocialMediaJson } from './dto/customer-address.json';
import { SuccessMessageJSON } from '../transaction-metadata/dto/transaction-metadata.json';
import { SocialMediasJSON } from './dto/customer-addresses-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const common = { versions: since('2.0.0'), tags: ['Customer'] } satisfies Partial<ObpEndpointOptions>;
const errors = [
  'UserNotLoggedIn',
  'InvalidBankIdFormat',
  'BankNotFound',
  'UserHasMissingRoles',
  'CustomerNotFoundByCustomerId',
] satisfies ObpEndpointOptions['errors'];

@Controller()
export class SocialMediaHandlesController {
  constructor(private readonly details: CustomerDetailsService) {}

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv2.0.0-addSocialMediaHandle',
    verb: 'POST',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/social_media_handles',
    access: anyRole('CanAddSocialMediaHandle'),
    summary: 'Add Social Media Handle',
    description: 'customer_number must be the number of the customer in the path.',
    errors: [...errors, 'InvalidJsonFormat'],
    requestBody: SocialMediaJson,
    responseBody: SuccessMessageJSON,
  })
  async add(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: SocialMediaJson) {
    await this.details.addSocialMediaHandle(bankId, customerId, body);
    return { success: 'Success' };
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv2.0.0-getSocialMediaHandles',
    verb: 'GET',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/social_media_handles',
    access: anyRole('CanGetSocialMediaHandles'),
    summary: 'Get Customer Social Media Handles',
    description: 'The list key is "checks", as in OBP.',
    errors,
    responseBody: SocialMediasJSON,
  })
  async list(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string) {
    const { customer, handles } = await this.details.socialMediaHandles(bankId, customerId);
    return { checks: handles.map((handle) => toSocialMediaJson(handle, customer.customerNumber)) };
  }
}
