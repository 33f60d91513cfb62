import { parseObpDate } from '../../common/http/obp-date';
import { ObpException } from '../../common/errors/obp.exception';
import type { CustomerCoreJson } from './dto/create-customer.json';
import type { CustomerEntity } from './entities/customer.entity';

/** The writable customer fields, parsed out of any create body version. */
export type CustomerFields = Partial<
  Pick<
    CustomerEntity,
    | 'legalName'
    | 'mobilePhoneNumber'
    | 'email'
    | 'faceImageUrl'
    | 'faceImageDate'
    | 'dateOfBirth'
    | 'relationshipStatus'
    | 'dependants'
    | 'dobOfDependants'
    | 'creditRating'
    | 'creditSource'
    | 'creditLimitCurrency'
    | 'creditLimitAmount'
    | 'highestEducationAttained'
    | 'employmentStatus'
    | 'kycStatus'
    | 'lastOkDate'
    | 'title'
    | 'branchId'
    | 'nameSuffix'
  >
>;

/** The optional parts of the v1.4.0-v5.0.0 bodies, by their wire names. */
type AnyCustomerBody = Partial<CustomerCoreJson> & {
  title?: string;
  branch_id?: string;
  name_suffix?: string;
  nameSuffix?: string;
  credit_rating?: { rating: string; source: string };
  credit_limit?: { currency: string; amount: string };
};

/** Dates were validated by the DTO; this only converts. */
export function date(text: string | undefined): Date | null {
  return text === undefined ? null : (parseObpDate(text) ?? null);
}

/** OBP-10020 when dependants and dob_of_dependants disagree (both default to 0 / []). */
export function assertDependantsMatch(dependants: number | undefined, dobs: string[] | undefined): void {
  const count = dependants ?? 0;
  const length = dobs?.length ?? 0;
  if (count !== length) {
    throw ObpException.of('InvalidJsonContent', `The field dependants(${count}) not equal the length(${length}) of dob_of_dependants array`);
  }
}

/**
 * The customer fields of a create body. `dependantsRule`: dependants must equal the number of
 * dob_of_dependants, a rule OBP has from v3.1.0 on (the older create endpoints store both as sent).
 * The v1.4.0/v2.0.0 `branchId` is not read: OBP accepts it and throws it away. A field the body
 * leaves out is undefined, and the insert gives its column the default (entityInsert). Every body
 * gives an object of one shape: the insert then reads its fields at one monomorphic site, where
 * dropping the absent keys gave a dictionary per body (10 µs of a create, profile of issue 21).
 */
export function customerFieldsFrom(body: AnyCustomerBody, dependantsRule = true): CustomerFields {
  if (dependantsRule) assertDependantsMatch(body.dependants, body.dob_of_dependants);
  return {
    legalName: body.legal_name,
    mobilePhoneNumber: body.mobile_phone_number,
    email: body.email,
    faceImageUrl: body.face_image?.url,
    faceImageDate: body.face_image ? date(body.face_image.date) : undefined,
    dateOfBirth: body.date_of_birth !== undefined ? date(body.date_of_birth) : undefined,
    relationshipStatus: body.relationship_status,
    dependants: body.dependants,
    dobOfDependants: body.dob_of_dependants?.map((text) => date(text) as Date),
    creditRating: body.credit_rating?.rating,
    creditSource: body.credit_rating?.source,
    creditLimitCurrency: body.credit_limit?.currency,
    creditLimitAmount: body.credit_limit?.amount,
    highestEducationAttained: body.highest_education_attained,
    employmentStatus: body.employment_status,
    kycStatus: body.kyc_status,
    lastOkDate: body.last_ok_date !== undefined ? date(body.last_ok_date) : undefined,
    title: body.title,
    branchId: body.branch_id,
    nameSuffix: body.name_suffix ?? body.nameSuffix,
  };
}
