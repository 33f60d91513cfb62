import { formatObpDate } from '../../common/http/obp-date';
import type { KycCheckJSON, KycDocumentJSON, KycMediaJSON, KycStatusJSON } from './dto/kyc.json';
import type { KycCheckEntity } from './entities/kyc-check.entity';
import type { KycDocumentEntity } from './entities/kyc-document.entity';
import type { KycMediaEntity } from './entities/kyc-media.entity';
import type { KycStatusEntity } from './entities/kyc-status.entity';

export function toKycCheckJson(check: KycCheckEntity): KycCheckJSON {
  return {
    bank_id: check.bankId,
    customer_id: check.customerId,
    id: check.kycCheckId,
    customer_number: check.customerNumber,
    date: formatObpDate(check.date),
    how: check.how,
    staff_user_id: check.staffUserId,
    staff_name: check.staffName,
    satisfied: check.satisfied,
    comments: check.comments,
  };
}

export function toKycDocumentJson(document: KycDocumentEntity): KycDocumentJSON {
  return {
    bank_id: document.bankId,
    customer_id: document.customerId,
    id: document.kycDocumentId,
    customer_number: document.customerNumber,
    type: document.type,
    number: document.number,
    issue_date: formatObpDate(document.issueDate),
    issue_place: document.issuePlace,
    expiry_date: formatObpDate(document.expiryDate),
  };
}

export function toKycMediaJson(media: KycMediaEntity): KycMediaJSON {
  return {
    bank_id: media.bankId,
    customer_id: media.customerId,
    id: media.kycMediaId,
    customer_number: media.customerNumber,
    type: media.type,
    url: media.url,
    date: formatObpDate(media.date),
    relates_to_kyc_document_id: media.relatesToKycDocumentId ?? '',
    relates_to_kyc_check_id: media.relatesToKycCheckId ?? '',
  };
}

export function toKycStatusJson(status: KycStatusEntity): KycStatusJSON {
  return {
    customer_id: status.customerId,
    customer_number: status.customerNumber,
    ok: status.ok,
    date: formatObpDate(status.date),
  };
}
