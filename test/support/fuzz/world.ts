import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BANK_ROLES, ROLE_NAMES } from '../../../src/common/auth/roles';
import { ConsumersService } from '../../../src/modules/consumers/consumers.service';
import { createBank, grantRole, STRONG_PASSWORD, uniqueName } from '../identity';
import { SANDBOX_PASSWORD, syntheticSandbox } from '../sandbox';
import type { Send } from './http';

/**
 * The data the fuzzer aims at: real ids for every path parameter, a caller holding every role,
 * and separate "victim" records for the destructive endpoints so that a valid DELETE, revoke or
 * consumer switch never removes the fuzzer's own access (which would turn the rest of the run
 * into 401/403s and hide bugs behind them).
 */
export interface FuzzWorld {
  bankId: string;
  /** DirectLogin token of the caller (holds every role: system roles and bank roles at bankId). */
  token: string;
  userId: string;
  consumerKey: string;
  /** A user the fuzzer may lock out with bad DirectLogin passwords (never the caller). */
  victimUsername: string;
  /** Valid values per path parameter, for reads and harmless writes. */
  ids: Record<string, string[]>;
  /** Valid values for DELETE and other destructive handlers (victim records). */
  victimIds: Record<string, string[]>;
  /** Customers that a cascade delete or a number change may consume. */
  victimCustomerIds: string[];
  /** Body fields to set to real values so that mutated bodies get past the entity checks. */
  bodyFields: Record<string, unknown>;
}

interface Json {
  status: number;
  body: Record<string, unknown>;
}

export async function buildWorld(app: NestFastifyApplication, send: Send): Promise<FuzzWorld> {
  const call = async (method: string, url: string, token: string | undefined, body?: unknown, expected = [200, 201]): Promise<Json> => {
    const response = await send({
      method,
      url,
      headers: { ...(token ? { DirectLogin: `token=${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      payload: body !== undefined ? JSON.stringify(body) : undefined,
    });
    if (!expected.includes(response.status)) throw new Error(`fuzz world: ${method} ${url} answered ${response.status} ${response.body.slice(0, 300)}`);
    return { status: response.status, body: response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {} };
  };
  const field = (json: Json, name: string): string => {
    const value = json.body[name];
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`fuzz world: no ${name} in ${JSON.stringify(json.body).slice(0, 300)}`);
    return String(value);
  };
  const login = async (username: string, password: string, consumerKey: string): Promise<string> => {
    const response = await send({
      method: 'POST',
      url: '/my/logins/direct',
      headers: { DirectLogin: `username=${username}, password=${password}, consumer_key=${consumerKey}` },
    });
    if (response.status !== 201) throw new Error(`fuzz world: login of ${username} answered ${response.status}`);
    return (JSON.parse(response.body) as { token: string }).token;
  };
  const grant = async (userId: string, roles: readonly string[], bankId: string) => {
    for (const role of roles) await grantRole(app, userId, role, BANK_ROLES.has(role) ? bankId : '');
  };

  const consumers = app.get(ConsumersService);
  const consumer = await consumers.create({ appName: uniqueName('fuzz-'), enabled: true });
  const victimConsumer = await consumers.create({ appName: uniqueName('fuzz-victim-'), enabled: true });

  // A bank with accounts, transactions and counterparties, imported by a throwaway importer.
  const importerName = uniqueName('importer');
  const importer = await call('POST', '/obp/v5.1.0/users', undefined, {
    email: `${importerName}@example.com`,
    username: importerName,
    password: STRONG_PASSWORD,
    first_name: 'Im',
    last_name: 'Porter',
  });
  await grant(field(importer, 'user_id'), ['CanCreateSandbox'], '');
  const importerToken = await login(importerName, STRONG_PASSWORD, consumer.consumer.key);
  const sandbox = syntheticSandbox();
  await call('POST', '/obp/v5.1.0/sandbox/data-import', importerToken, sandbox.data);
  const bankId = sandbox.bank;

  // The fuzzing caller is alice (owner of acc-1, with every role); bob is the victim.
  const token = await login(sandbox.alice, SANDBOX_PASSWORD, consumer.consumer.key);
  const userId = field(await call('GET', '/obp/v5.1.0/users/current', token), 'user_id');
  await grant(userId, ROLE_NAMES, bankId);
  const bobToken = await login(sandbox.bob, SANDBOX_PASSWORD, consumer.consumer.key);
  const bob = await call('GET', '/obp/v5.1.0/users/current', bobToken);
  const bobId = field(bob, 'user_id');
  const otherBank = await createBank(app, uniqueName('fuzz.other.'));

  const v = (version: string, path: string) => `/obp/v${version}/banks/${bankId}${path}`;
  const customerBody = (name: string) => ({
    legal_name: name,
    mobile_phone_number: '+44 07972 444 876',
    email: `${name}@example.com`,
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
  });
  const customer = await call('POST', v('5.1.0', '/customers'), token, customerBody('Fuzz Customer'));
  const customerId = field(customer, 'customer_id');
  const customerNumber = field(customer, 'customer_number');
  const victimCustomers: string[] = [];
  for (let i = 0; i < 3; i++) victimCustomers.push(field(await call('POST', v('5.1.0', '/customers'), token, customerBody(`Victim ${i}`)), 'customer_id'));
  const c = (path: string) => `/customers/${customerId}${path}`;

  const attribute = await call('POST', v('4.0.0', c('/attribute')), token, { name: 'FUZZ_ATTRIBUTE', type: 'STRING', value: 'x' });
  const victimAttribute = await call('POST', v('4.0.0', c('/attribute')), token, { name: 'FUZZ_VICTIM', type: 'STRING', value: 'x' });
  const definition = await call('PUT', v('4.0.0', '/attribute-definitions/customer'), token, {
    name: 'FUZZ_DEFINITION',
    category: 'Customer',
    type: 'STRING',
    description: 'fuzz',
    alias: 'FUZZ',
    can_be_seen_on_views: ['bank'],
    is_active: true,
  });
  const addressBody = {
    line_1: '1 Road',
    line_2: '',
    line_3: '',
    city: 'Berlin',
    county: '',
    state: '',
    postcode: '10115',
    country_code: 'DE',
    tags: ['home'],
    status: 'OK',
  };
  const address = await call('POST', v('3.1.0', c('/address')), token, addressBody);
  const victimAddress = await call('POST', v('3.1.0', c('/address')), token, addressBody);
  const taxResidence = await call('POST', v('3.1.0', c('/tax-residence')), token, { domain: 'DE', tax_number: 'DE1' });
  const victimTaxResidence = await call('POST', v('3.1.0', c('/tax-residence')), token, { domain: 'DE', tax_number: 'DE2' });
  await call('PUT', v('5.1.0', c('/kyc_documents/fuzz-doc')), token, {
    customer_number: customerNumber,
    type: 'passport',
    number: '1',
    issue_date: '2020-01-01T00:00:00Z',
    issue_place: 'Berlin',
    expiry_date: '2030-01-01T00:00:00Z',
  });
  await call('PUT', v('5.1.0', c('/kyc_check/fuzz-check')), token, {
    customer_number: customerNumber,
    date: '2026-01-01T00:00:00Z',
    how: 'online',
    staff_user_id: userId,
    staff_name: 'A',
    satisfied: true,
    comments: '',
  });
  await call('PUT', v('5.1.0', c('/kyc_media/fuzz-media')), token, {
    customer_number: customerNumber,
    type: 'image',
    url: 'https://example.com/a.png',
    date: '2026-01-01T00:00:00Z',
    relates_to_kyc_document_id: 'fuzz-doc',
    relates_to_kyc_check_id: 'fuzz-check',
  });
  const aliceLink = await call('POST', v('4.0.0', '/user_customer_links'), token, { user_id: userId, customer_id: customerId });
  const bobLink = await call('POST', v('4.0.0', '/user_customer_links'), token, { user_id: bobId, customer_id: victimCustomers[0] });
  const meeting = await call('POST', v('3.1.0', '/meetings'), token, {
    provider_id: 'p',
    purpose_id: 'onboarding',
    date: '2026-12-01T10:00:00Z',
    creator: { name: 'A', mobile_phone: '1', email_address: 'a@example.com' },
    invitees: [{ contact_details: { name: 'B', mobile_phone: '2', email_address: 'b@example.com' }, status: 'Good' }],
  });
  const creditLimit = await call('POST', v('3.1.0', c('/credit_limit/requests')), token, {
    requested_current_rate_amount1: '1',
    requested_current_rate_amount2: '2',
    requested_current_valid_end_date: '2027-01-01T00:00:00Z',
    current_credit_documentation: 'x',
    temporary_requested_current_amount: '3',
    requested_temporary_valid_end_date: '2027-01-01T00:00:00Z',
    temporary_credit_documentation: 'y',
  });
  const invitation = await call('POST', v('4.0.0', '/user-invitation'), token, {
    first_name: 'F',
    last_name: 'Z',
    email: 'fz@example.com',
    company: 'C',
    country: 'DE',
    purpose: 'DEVELOPER',
  });
  const scope = await call('POST', `/obp/v4.0.0/consumers/${victimConsumer.consumer.consumerId}/scopes`, token, {
    bank_id: bankId,
    role_name: 'CanGetCustomer',
  });
  const entitlement = await call('POST', `/obp/v4.0.0/users/${bobId}/entitlements`, token, { bank_id: bankId, role_name: 'CanGetCustomer' });

  const account = 'acc-1';
  const t = (view: string, path: string) => v('5.1.0', `/accounts/${account}/${view}/transactions/t1/metadata${path}`);
  const comment = await call('POST', t('owner', '/comments'), token, { value: 'fuzz' });
  const victimComment = await call('POST', t('owner', '/comments'), token, { value: 'victim' });
  const tag = await call('POST', t('owner', '/tags'), token, { value: 'fuzz' });
  const image = await call('POST', t('owner', '/images'), token, { label: 'l', URL: 'https://example.com/i.png' });
  const others = (await call('GET', v('5.1.0', `/accounts/${account}/owner/other_accounts`), token)).body.other_accounts as { id: string }[];
  const counterparties = ((await call('GET', v('5.1.0', `/accounts/${account}/owner/counterparties`), token)).body.counterparties ?? []) as {
    counterparty_id: string;
  }[];
  const bobView = await call('GET', `/obp/v5.1.0/users/user_id/${bobId}`, token);
  // Alice's API collections: one to read and extend, one (with an entry) for the deleting handlers.
  const collection = await call('POST', '/obp/v5.1.0/my/api-collections', token, { api_collection_name: 'FuzzFavourites', is_sharable: true });
  const collectionEntry = await call('POST', '/obp/v5.1.0/my/api-collections/FuzzFavourites/api-collection-endpoints', token, {
    operation_id: 'OBPv4.0.0-getBanks',
  });
  const victimCollection = await call('POST', '/obp/v5.1.0/my/api-collections', token, { api_collection_name: 'FuzzVictim', is_sharable: false });
  const victimEntry = await call('POST', '/obp/v5.1.0/my/api-collections/FuzzVictim/api-collection-endpoints', token, { operation_id: 'OBPv4.0.0-getBanks' });

  const ids: Record<string, string[]> = {
    BANK_ID: [bankId, bankId, bankId, otherBank],
    CUSTOMER_ID: [customerId],
    ACCOUNT_ID: [account, 'acc-2'],
    VIEW_ID: ['owner', 'owner', '_public', 'auditor', 'accountant', 'firehose', 'standard', 'ManageCustomViews'],
    CONSUMER_ID: [victimConsumer.consumer.consumerId],
    USER_ID: [userId, bobId],
    USERNAME: [sandbox.bob, sandbox.alice],
    PROVIDER: [field(bobView, 'provider')],
    PROVIDER_ID: [field(bobView, 'provider_id')],
    API_VERSION: ['v5.1.0', 'OBPv4.0.0', '3.1.0', 'v1.2.1'],
    TRANSACTION_ID: ['t1', 't2'],
    OTHER_ACCOUNT_ID: others.map((other) => other.id),
    COUNTERPARTY_ID: [...counterparties.map((counterparty) => counterparty.counterparty_id), ...others.map((other) => other.id)],
    CUSTOMER_ATTRIBUTE_ID: [field(attribute, 'customer_attribute_id')],
    ATTRIBUTE_ID: [field(attribute, 'customer_attribute_id')],
    ATTRIBUTE_DEFINITION_ID: [field(definition, 'attribute_definition_id')],
    CUSTOMER_ADDRESS_ID: [field(address, 'customer_address_id')],
    TAX_RESIDENCE_ID: [field(taxResidence, 'tax_residence_id')],
    USER_CUSTOMER_LINK_ID: [field(aliceLink, 'user_customer_link_id')],
    MEETING_ID: [field(meeting, 'meeting_id')],
    REQUEST_ID: [field(creditLimit, 'token')],
    SECRET_LINK: [field(invitation, 'secret_key')],
    SCOPE_ID: [field(scope, 'scope_id')],
    ENTITLEMENT_ID: [field(entitlement, 'entitlement_id')],
    KYC_DOCUMENT_ID: ['fuzz-doc', 'fuzz-doc-2'],
    KYC_CHECK_ID: ['fuzz-check', 'fuzz-check-2'],
    KYC_MEDIA_ID: ['fuzz-media', 'fuzz-media-2'],
    COMMENT_ID: [field(comment, 'id')],
    TAG_ID: [field(tag, 'id')],
    IMAGE_ID: [field(image, 'id')],
    API_COLLECTION_ID: [field(collection, 'api_collection_id')],
    API_COLLECTION_NAME: ['FuzzFavourites'],
    API_COLLECTION_ENDPOINT_ID: [field(collectionEntry, 'api_collection_endpoint_id')],
    OPERATION_ID: ['OBPv4.0.0-getBanks', 'OBPv2.1.0-getRoles'],
    CONNECTOR: ['mapped', 'rest_vMar2019', 'kafka_vSept2018'],
    BRANCH_ID: [...sandbox.data.branches.map((branch) => branch.id), 'no-such-branch'],
    ATM_ID: [...sandbox.data.atms.map((atm) => atm.id), 'no-such-atm'],
    PRODUCT_CODE: [...sandbox.data.products.map((product) => product.code), 'NO-SUCH-PRODUCT'],
  };
  const victimIds: Record<string, string[]> = {
    ...ids,
    // Alice's access must survive: destructive handlers aim at bob and at victim records.
    USER_ID: [bobId],
    USERNAME: [sandbox.bob],
    CUSTOMER_ATTRIBUTE_ID: [field(victimAttribute, 'customer_attribute_id')],
    CUSTOMER_ADDRESS_ID: [field(victimAddress, 'customer_address_id')],
    TAX_RESIDENCE_ID: [field(victimTaxResidence, 'tax_residence_id')],
    USER_CUSTOMER_LINK_ID: [field(bobLink, 'user_customer_link_id')],
    COMMENT_ID: [field(victimComment, 'id')],
    API_COLLECTION_ID: [field(victimCollection, 'api_collection_id')],
    API_COLLECTION_NAME: ['FuzzVictim'],
    API_COLLECTION_ENDPOINT_ID: [field(victimEntry, 'api_collection_endpoint_id')],
  };
  const bodyFields: Record<string, unknown> = {
    user_id: bobId,
    customer_id: customerId,
    customer_number: customerNumber,
    bank_id: bankId,
    staff_user_id: userId,
    view_id: 'auditor',
  };
  return {
    bankId,
    token,
    userId,
    consumerKey: consumer.consumer.key,
    victimUsername: sandbox.bob,
    ids,
    victimIds,
    victimCustomerIds: victimCustomers,
    bodyFields,
  };
}
