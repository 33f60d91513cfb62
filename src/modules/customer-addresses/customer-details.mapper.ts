import { formatObpDate } from '../../common/http/obp-date';
import type { CustomerAddressEntity } from './entities/customer-address.entity';
import type { SocialMediaHandleEntity } from './entities/social-media-handle.entity';
import type { TaxResidenceEntity } from './entities/tax-residence.entity';

export function toCustomerAddressJson(address: CustomerAddressEntity) {
  return {
    customer_address_id: address.customerAddressId,
    customer_id: address.customerId,
    line_1: address.line1,
    line_2: address.line2,
    line_3: address.line3,
    city: address.city,
    county: address.county,
    state: address.state,
    postcode: address.postcode,
    country_code: address.countryCode,
    tags: address.tags,
    status: address.status,
    insert_date: formatObpDate(address.insertDate),
  };
}

export function toTaxResidenceJson(residence: TaxResidenceEntity) {
  return { domain: residence.domain, tax_number: residence.taxNumber, tax_residence_id: residence.taxResidenceId };
}

export function toSocialMediaJson(handle: SocialMediaHandleEntity, customerNumber: string) {
  return {
    customer_number: customerNumber,
    type: handle.type,
    handle: handle.handle,
    date_added: handle.dateAdded ? formatObpDate(handle.dateAdded) : null,
    date_activated: handle.dateActivated ? formatObpDate(handle.dateActivated) : null,
  };
}
