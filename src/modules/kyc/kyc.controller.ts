import { Controller, Param } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { OBP_ID_PATTERN } from '../../common/http/obp-validators';
import { since } from '../../common/versioning/api-versions';
import {
  KycCheckJSON,
  KycChecksJSON,
  KycDocumentJSON,
  KycDocumentsJSON,
  KycMediaJSON,
  KycMediasJSON,
  KycStatusesJSON,
  KycStatusJSON,
  PostKycCheckJSON,
  PostKycDocumentJSON,
  PostKycMediaJSON,
  PostKycStatusJSON,
} from './dto/kyc.json';
import { toKycCheckJson, toKycDocumentJson, toKycMediaJson, toKycStatusJson } from './kyc.mapper';
import { KycService } from './kyc.service';
import { ValidBody } from '../../common/http/valid-body';

const TAGS = ['KYC', 'Customer'];
const PUT_ERRORS = [
  'UserNotLoggedIn',
  'UserHasMissingRoles',
  'BankNotFound',
  'CustomerNotFoundByCustomerId',
  'InvalidJsonFormat',
  'KycCustomerNumberMismatch',
] as const;
const GET_ERRORS = ['UserNotLoggedIn', 'UserHasMissingRoles', 'CustomerNotFoundByCustomerId'] as const;

/** Client-chosen record ids follow OBP's id rule (at most 36 of [A-Za-z0-9-._]). */
function recordId(name: string, value: string): string {
  if (!value || !OBP_ID_PATTERN.test(value)) throw ObpException.of('InvalidJsonFormat', `${name} must be 1 to 36 of A-Z a-z 0-9 - . _`);
  return value;
}

/** KYC documents, checks, media and statuses (OBP v2.0.0 onwards). Writes check the role before the bank, as OBP does. */
@Controller()
export class KycController {
  constructor(private readonly kyc: KycService) {}

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-addKycDocument',
    verb: 'PUT',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/kyc_documents/KYC_DOCUMENT_ID',
    versions: since('2.0.0'),
    access: anyRole('CanAddKycDocument'),
    rolesBeforeBank: true,
    summary: 'Add KYC Document',
    description: "Creates or replaces the customer's KYC document with this id (idempotent).",
    tags: TAGS,
    errors: [...PUT_ERRORS],
    successStatus: 201,
    requestBody: PostKycDocumentJSON,
    responseBody: KycDocumentJSON,
  })
  async addKycDocument(
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('KYC_DOCUMENT_ID') documentId: string,
    @ValidBody() body: PostKycDocumentJSON,
  ): Promise<KycDocumentJSON> {
    return toKycDocumentJson(await this.kyc.putDocument(bankId, customerId, recordId('KYC_DOCUMENT_ID', documentId), body));
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-addKycMedia',
    verb: 'PUT',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/kyc_media/KYC_MEDIA_ID',
    versions: since('2.0.0'),
    access: anyRole('CanAddKycMedia'),
    rolesBeforeBank: true,
    summary: 'Add KYC Media',
    description:
      'Creates or replaces a KYC media item (idempotent). relates_to_kyc_document_id / relates_to_kyc_check_id name a document / check of the same customer, or are "".',
    tags: TAGS,
    errors: [...PUT_ERRORS, 'KycDocumentNotFound', 'KycCheckNotFound'],
    successStatus: 201,
    requestBody: PostKycMediaJSON,
    responseBody: KycMediaJSON,
  })
  async addKycMedia(
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('KYC_MEDIA_ID') mediaId: string,
    @ValidBody() body: PostKycMediaJSON,
  ): Promise<KycMediaJSON> {
    return toKycMediaJson(await this.kyc.putMedia(bankId, customerId, recordId('KYC_MEDIA_ID', mediaId), body));
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-addKycCheck',
    verb: 'PUT',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/kyc_check/KYC_CHECK_ID',
    versions: since('2.0.0'),
    access: anyRole('CanAddKycCheck'),
    rolesBeforeBank: true,
    summary: 'Add KYC Check',
    description: 'Creates or replaces the customer\'s KYC check with this id (idempotent). Note OBP\'s singular "kyc_check" in the path.',
    tags: TAGS,
    errors: [...PUT_ERRORS],
    successStatus: 201,
    requestBody: PostKycCheckJSON,
    responseBody: KycCheckJSON,
  })
  async addKycCheck(
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('KYC_CHECK_ID') checkId: string,
    @ValidBody() body: PostKycCheckJSON,
  ): Promise<KycCheckJSON> {
    return toKycCheckJson(await this.kyc.putCheck(bankId, customerId, recordId('KYC_CHECK_ID', checkId), body));
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-addKycStatus',
    verb: 'PUT',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/kyc_statuses',
    versions: since('2.0.0'),
    access: anyRole('CanAddKycStatus'),
    rolesBeforeBank: true,
    summary: 'Add KYC Status',
    description: "Appends a status to the customer's KYC timeline and sets the customer's kyc_status (newest entry) and last_ok_date (newest ok entry).",
    tags: TAGS,
    errors: [...PUT_ERRORS],
    successStatus: 201,
    requestBody: PostKycStatusJSON,
    responseBody: KycStatusJSON,
  })
  async addKycStatus(@Param('BANK_ID') bankId: string, @Param('CUSTOMER_ID') customerId: string, @ValidBody() body: PostKycStatusJSON): Promise<KycStatusJSON> {
    return toKycStatusJson(await this.kyc.addStatus(bankId, customerId, body));
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-getKycDocuments',
    verb: 'GET',
    path: '/customers/CUSTOMER_ID/kyc_documents',
    versions: since('2.0.0'),
    access: anyRole('CanGetAnyKycDocuments'),
    summary: 'Get Customer KYC Documents',
    tags: TAGS,
    errors: [...GET_ERRORS],
    responseBody: KycDocumentsJSON,
  })
  async getKycDocuments(@Param('CUSTOMER_ID') customerId: string): Promise<KycDocumentsJSON> {
    return { documents: (await this.kyc.listDocuments(customerId)).map(toKycDocumentJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-getKycMedia',
    verb: 'GET',
    path: '/customers/CUSTOMER_ID/kyc_media',
    versions: since('2.0.0'),
    access: anyRole('CanGetAnyKycMedia'),
    summary: 'Get KYC Media for a customer',
    tags: TAGS,
    errors: [...GET_ERRORS],
    responseBody: KycMediasJSON,
  })
  async getKycMedia(@Param('CUSTOMER_ID') customerId: string): Promise<KycMediasJSON> {
    return { medias: (await this.kyc.listMedia(customerId)).map(toKycMediaJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-getKycChecks',
    verb: 'GET',
    path: '/customers/CUSTOMER_ID/kyc_checks',
    versions: since('2.0.0'),
    access: anyRole('CanGetAnyKycChecks'),
    summary: 'Get Customer KYC Checks',
    tags: TAGS,
    errors: [...GET_ERRORS],
    responseBody: KycChecksJSON,
  })
  async getKycChecks(@Param('CUSTOMER_ID') customerId: string): Promise<KycChecksJSON> {
    return { checks: (await this.kyc.listChecks(customerId)).map(toKycCheckJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-getKycStatuses',
    verb: 'GET',
    path: '/customers/CUSTOMER_ID/kyc_statuses',
    versions: since('2.0.0'),
    access: anyRole('CanGetAnyKycStatuses'),
    summary: 'Get Customer KYC statuses',
    description: "The customer's KYC timeline, oldest first.",
    tags: TAGS,
    errors: [...GET_ERRORS],
    responseBody: KycStatusesJSON,
  })
  async getKycStatuses(@Param('CUSTOMER_ID') customerId: string): Promise<KycStatusesJSON> {
    return { statuses: (await this.kyc.listStatuses(customerId)).map(toKycStatusJson) };
  }
}
