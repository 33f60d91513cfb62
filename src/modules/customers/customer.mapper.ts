import { formatObpDate } from '../../common/http/obp-date';
import type { CustomerEntity } from './entities/customer.entity';

function obpDate(value: Date | null): string | null {
  return value ? formatObpDate(value) : null;
}

/** CustomerJsonV140 (v1.4.0, v2.0.0) */
export function toCustomerJsonV140(customer: CustomerEntity) {
  return {
    customer_id: customer.customerId,
    customer_number: customer.customerNumber,
    legal_name: customer.legalName,
    mobile_phone_number: customer.mobilePhoneNumber,
    email: customer.email,
    face_image: { url: customer.faceImageUrl, date: obpDate(customer.faceImageDate) },
    date_of_birth: obpDate(customer.dateOfBirth),
    relationship_status: customer.relationshipStatus,
    dependants: customer.dependants,
    dob_of_dependants: customer.dobOfDependants.map((value) => formatObpDate(value)),
    highest_education_attained: customer.highestEducationAttained,
    employment_status: customer.employmentStatus,
    kyc_status: customer.kycStatus,
    last_ok_date: obpDate(customer.lastOkDate),
  };
}

/** CustomerJsonV210 (also OBP's CustomerJsonV300 minus title/branch/suffix): adds bank_id and credit. */
export function toCustomerJsonV210(customer: CustomerEntity) {
  const {
    customer_id,
    customer_number,
    legal_name,
    mobile_phone_number,
    email,
    face_image,
    date_of_birth,
    relationship_status,
    dependants,
    dob_of_dependants,
    highest_education_attained,
    employment_status,
    kyc_status,
    last_ok_date,
  } = toCustomerJsonV140(customer);
  return {
    bank_id: customer.bankId,
    customer_id,
    customer_number,
    legal_name,
    mobile_phone_number,
    email,
    face_image,
    date_of_birth,
    relationship_status,
    dependants,
    dob_of_dependants,
    credit_rating: { rating: customer.creditRating, source: customer.creditSource },
    credit_limit: { currency: customer.creditLimitCurrency, amount: customer.creditLimitAmount },
    highest_education_attained,
    employment_status,
    kyc_status,
    last_ok_date,
  };
}

/** CustomerJsonV310 (v3.1.0 and later): adds title, branch_id, name_suffix. */
export function toCustomerJsonV310(customer: CustomerEntity) {
  return {
    ...toCustomerJsonV210(customer),
    title: customer.title,
    branch_id: customer.branchId,
    name_suffix: customer.nameSuffix,
  };
}

export interface CustomerAttributeJson {
  customer_attribute_id: string;
  name: string;
  type: string;
  value: string;
}

/** CustomerWithAttributesJsonV310: V310 plus the customer's attributes at the bank. */
export function toCustomerWithAttributesJsonV310(customer: CustomerEntity, attributes: CustomerAttributeJson[]) {
  return { ...toCustomerJsonV310(customer), customer_attributes: attributes };
}
