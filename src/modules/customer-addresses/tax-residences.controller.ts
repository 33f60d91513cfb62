import { Controller, Param } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import { toTaxResidenceJson } from './customer-details.mapper';
import { CustomerDetailsService } from './customer-details.service';
import { PostTaxResidenceJsonV310 } from './dto/customer-address.json';
import { TaxResidenceV310, TaxResidencesJsonV310 } from './dto/customer-addresses-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const common = { versions: since('3.1.0'), tags: ['Customer'] } satisfies Partial<ObpEndpointOptions>;
const errors = ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'CustomerNotFoundByCustomerId'] satisfies ObpEndpointOptions['errors'];

/** Tax residences, with OBP's three path spellings: tax-residence, tax-residences, tax_residencies. */
@Controller()
export class TaxResidencesController {
  constructor(private readonly details: CustomerDetailsService) {}

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv3.1.0-createTaxResidence',
    verb: 'POST',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/tax-residence',
    access: anyRole('CanCreateTaxResidence'),
    summary: 'Create Tax Residence',
    errors: [...errors, 'InvalidJsonFormat'],
    requestBody: PostTaxResidenceJsonV310,
    responseBody: TaxResidenceV310,
  })
  async create(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: PostTaxResidenceJsonV310) {
    return toTaxResidenceJson(await this.details.addTaxResidence(bankId, customerId, body));
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv3.1.0-getTaxResidence',
    verb: 'GET',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/tax-residences',
    access: anyRole('CanGetTaxResidence'),
    summary: 'Get Tax Residences of Customer',
    errors,
    responseBody: TaxResidencesJsonV310,
  })
  async list(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string) {
    return { tax_residence: (await this.details.taxResidences(bankId, customerId)).map(toTaxResidenceJson) };
  }

  @ObpEndpoint({
    ...common,
    operationId: 'OBPv3.1.0-deleteTaxResidence',
    responseBody: Boolean,
    verb: 'DELETE',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/tax_residencies/TAX_RESIDENCE_ID',
    access: anyRole('CanDeleteTaxResidence'),
    summary: 'Delete Tax Residence',
    description: 'Answers 200 with the body true, as OBP does.',
    errors: [...errors, 'TaxResidenceNotFound'],
    successStatus: 200,
  })
  async delete(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @Param('TAX_RESIDENCE_ID') residenceId: string): Promise<boolean> {
    await this.details.deleteTaxResidence(bankId, customerId, residenceId);
    return true;
  }
}
