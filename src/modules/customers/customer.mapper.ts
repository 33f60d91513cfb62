import { formatObpDate, type ObpDateText } from '../../common/http/obp-date';
import type { CustomerRecord } from './customers.repository';

/** A Date (TypeORM's entities) formatted; a wire date (the raw hot reads) is already formatted. */
function wireDate(value: Date | ObpDateText): string {
  return typeof value === 'string' ? value : formatObpDate(value);
}

function obpDate(value: Date | ObpDateText | null): string | null {
  return value === null ? null : wireDate(value);
}

// One object per customer: the lists map 50 to 500 rows per request, and building each version
// by spreading the previous one (three objects per row) made the mapping and its garbage
// collection the largest cost of a list (CPU profile of GET .../customers?limit=50).

/** CustomerJsonV210 (also OBP's CustomerJsonV300 minus title/branch/suffix): V140 plus bank_id and credit. */
export function toCustomerJsonV210(customer: CustomerRecord) {
  return {
    bank_id: customer.bankId,
    customer_id: customer.customerId,
    customer_number: customer.customerNumber,
    legal_name: customer.legalName,
    mobile_phone_number: customer.mobilePhoneNumber,
    email: customer.email,
    face_image: { url: customer.faceImageUrl, date: obpDate(customer.faceImageDate) },
    date_of_birth: obpDate(customer.dateOfBirth),
    relationship_status: customer.relationshipStatus,
    dependants: customer.dependants,
    dob_of_dependants: customer.dobOfDependants.map((value: Date | ObpDateText) => wireDate(value)),
    credit_rating: { rating: customer.creditRating, source: customer.creditSource },
    credit_limit: { currency: customer.creditLimitCurrency, amount: customer.creditLimitAmount },
    highest_education_attained: customer.highestEducationAttained,
    employment_status: customer.employmentStatus,
    kyc_status: customer.kycStatus,
    last_ok_date: obpDate(customer.lastOkDate),
  };
}

/** CustomerJsonV140 (v1.4.0, v2.0.0): V210 without bank_id and credit, in the same order. */
export function toCustomerJsonV140(customer: CustomerRecord) {
  const { bank_id, credit_rating, credit_limit, ...json } = toCustomerJsonV210(customer);
  return json;
}

/** CustomerJsonV310 (v3.1.0 and later): adds title, branch_id, name_suffix (to the same object). */
export function toCustomerJsonV310(customer: CustomerRecord) {
  const json = toCustomerJsonV210(customer) as ReturnType<typeof toCustomerJsonV210> & { title: string; branch_id: string; name_suffix: string };
  json.title = customer.title;
  json.branch_id = customer.branchId;
  json.name_suffix = customer.nameSuffix;
  return json;
}

export interface CustomerAttributeJson {
  customer_attribute_id: string;
  name: string;
  type: string;
  value: string;
}

/** CustomerWithAttributesJsonV310: V310 plus the customer's attributes at the bank. */
export function toCustomerWithAttributesJsonV310(customer: CustomerRecord, attributes: CustomerAttributeJson[]) {
  const json = toCustomerJsonV310(customer) as ReturnType<typeof toCustomerJsonV310> & { customer_attributes: CustomerAttributeJson[] };
  json.customer_attributes = attributes;
  return json;
}
