import type { CustomerEntity } from './entities/customer.entity';
import { toCustomerJsonV140, toCustomerJsonV210, toCustomerJsonV310, toCustomerWithAttributesJsonV310 } from './customer.mapper';

const customer = {
  customerId: 'c1',
  bankId: 'b1',
  customerNumber: '5987953',
  legalName: 'Eveline Tripman',
  mobilePhoneNumber: '+44 07972 444 876',
  email: 'eveline@example.com',
  faceImageUrl: 'www.example.com/face.jpg',
  faceImageDate: new Date(Date.UTC(2019, 8, 8, 8, 0, 0, 123)),
  dateOfBirth: null,
  relationshipStatus: 'single',
  dependants: 1,
  dobOfDependants: [new Date(Date.UTC(2017, 8, 19))],
  creditRating: 'OBP',
  creditSource: 'OBP',
  creditLimitCurrency: 'EUR',
  creditLimitAmount: '1000',
  highestEducationAttained: 'Master',
  employmentStatus: 'worker',
  kycStatus: true,
  lastOkDate: new Date(Date.UTC(2020, 0, 2, 3, 4, 5)),
  title: 'Dr.',
  branchId: 'DERBY6',
  nameSuffix: 'Sr.',
} as unknown as CustomerEntity;

/** The fields of every version, in OBP's order (the wire order of the JSON). */
const V140_KEYS = [
  'customer_id',
  'customer_number',
  'legal_name',
  'mobile_phone_number',
  'email',
  'face_image',
  'date_of_birth',
  'relationship_status',
  'dependants',
  'dob_of_dependants',
  'highest_education_attained',
  'employment_status',
  'kyc_status',
  'last_ok_date',
];
const V210_KEYS = ['bank_id', ...V140_KEYS.slice(0, 10), 'credit_rating', 'credit_limit', ...V140_KEYS.slice(10)];
const V310_KEYS = [...V210_KEYS, 'title', 'branch_id', 'name_suffix'];

describe('customer mapper', () => {
  it('writes each version with its fields in OBP order', () => {
    expect(Object.keys(toCustomerJsonV140(customer))).toEqual(V140_KEYS);
    expect(Object.keys(toCustomerJsonV210(customer))).toEqual(V210_KEYS);
    expect(Object.keys(toCustomerJsonV310(customer))).toEqual(V310_KEYS);
    expect(Object.keys(toCustomerWithAttributesJsonV310(customer, []))).toEqual([...V310_KEYS, 'customer_attributes']);
  });

  it('formats dates as OBP does and maps nested objects', () => {
    const json = toCustomerWithAttributesJsonV310(customer, [{ customer_attribute_id: 'a1', name: 'SPECIAL_TAX_NUMBER', type: 'STRING', value: '123' }]);
    expect(json).toEqual({
      bank_id: 'b1',
      customer_id: 'c1',
      customer_number: '5987953',
      legal_name: 'Eveline Tripman',
      mobile_phone_number: '+44 07972 444 876',
      email: 'eveline@example.com',
      face_image: { url: 'www.example.com/face.jpg', date: '2019-09-08T08:00:00Z' },
      date_of_birth: null,
      relationship_status: 'single',
      dependants: 1,
      dob_of_dependants: ['2017-09-19T00:00:00Z'],
      credit_rating: { rating: 'OBP', source: 'OBP' },
      credit_limit: { currency: 'EUR', amount: '1000' },
      highest_education_attained: 'Master',
      employment_status: 'worker',
      kyc_status: true,
      last_ok_date: '2020-01-02T03:04:05Z',
      title: 'Dr.',
      branch_id: 'DERBY6',
      name_suffix: 'Sr.',
      customer_attributes: [{ customer_attribute_id: 'a1', name: 'SPECIAL_TAX_NUMBER', type: 'STRING', value: '123' }],
    });
  });
});
