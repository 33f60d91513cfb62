import { uniqueName } from './identity';

/** The v3.1.0/v4.0.0 body (PostCustomerJsonV310), every field present. */
export function customerBodyV310(overrides: Record<string, unknown> = {}) {
  return {
    legal_name: 'Eveline Tripman',
    mobile_phone_number: '+44 07972 444 876',
    email: 'eveline@example.com',
    face_image: { url: 'www.openbankproject', date: '2020-01-01T00:00:00Z' },
    date_of_birth: '1980-05-06T00:00:00Z',
    relationship_status: 'single',
    dependants: 1,
    dob_of_dependants: ['2010-01-01T00:00:00Z'],
    credit_rating: { rating: 'OBP', source: 'OBP' },
    credit_limit: { currency: 'EUR', amount: '0' },
    highest_education_attained: 'Master',
    employment_status: 'worker',
    kyc_status: false,
    last_ok_date: '2023-10-16T00:00:00Z',
    title: 'Dr.',
    branch_id: 'DERBY6',
    name_suffix: 'Sr',
    ...overrides,
  };
}

/** The v1.4.0/v2.0.0 body (CreateCustomerJson). */
export function customerBodyV140(userId: string, customerNumber = uniqueName('n'), overrides: Record<string, unknown> = {}) {
  const { credit_rating, credit_limit, branch_id, name_suffix, ...core } = customerBodyV310();
  void credit_rating;
  void credit_limit;
  return { ...core, branchId: branch_id, nameSuffix: name_suffix, user_id: userId, customer_number: customerNumber, ...overrides };
}

/** The v2.1.0 body (PostCustomerJsonV210). */
export function customerBodyV210(userId: string, customerNumber = uniqueName('n')) {
  const { title, branch_id, name_suffix, ...rest } = customerBodyV310();
  void title;
  void branch_id;
  void name_suffix;
  return { ...rest, user_id: userId, customer_number: customerNumber };
}
