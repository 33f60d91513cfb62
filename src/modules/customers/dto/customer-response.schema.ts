/**
 * Fastify response schemas (fast-json-stringify) for the hot customer reads: a compiled
 * serialiser writes the JSON without JSON.stringify's generic walk over the object.
 *
 * A response schema is also a filter and an order: properties it does not list are dropped and the
 * listed ones are written in the schema's order. So each schema lists every field of its mapper in
 * customer.mapper.ts, in the mapper's order, with the mapper's types (nullable dates included);
 * the e2e tests compare the bodies field by field.
 */
const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;

/** CustomerJsonV310 (toCustomerJsonV310): V210's fields, then title, branch_id, name_suffix. */
const CUSTOMER_JSON_V310_PROPERTIES = {
  bank_id: text,
  customer_id: text,
  customer_number: text,
  legal_name: text,
  mobile_phone_number: text,
  email: text,
  face_image: { type: 'object', properties: { url: text, date: nullableText } },
  date_of_birth: nullableText,
  relationship_status: text,
  dependants: { type: 'integer' },
  dob_of_dependants: { type: 'array', items: text },
  credit_rating: { type: 'object', properties: { rating: text, source: text } },
  credit_limit: { type: 'object', properties: { currency: text, amount: text } },
  highest_education_attained: text,
  employment_status: text,
  kyc_status: { type: 'boolean' },
  last_ok_date: nullableText,
  title: text,
  branch_id: text,
  name_suffix: text,
} as const;

/** CustomerWithAttributesJsonV310 (toCustomerWithAttributesJsonV310). */
export const CUSTOMER_WITH_ATTRIBUTES_RESPONSE = {
  200: {
    type: 'object',
    properties: {
      ...CUSTOMER_JSON_V310_PROPERTIES,
      customer_attributes: {
        type: 'array',
        items: { type: 'object', properties: { customer_attribute_id: text, name: text, type: text, value: text } },
      },
    },
  },
} as const;

/** `{ customers: [CustomerJsonV310] }` (the v3.1.0+ lists and searches), answered with `status`. */
export function customersV310Response(status: 200 | 201) {
  return {
    [status]: {
      type: 'object',
      properties: { customers: { type: 'array', items: { type: 'object', properties: CUSTOMER_JSON_V310_PROPERTIES } } },
    },
  };
}
