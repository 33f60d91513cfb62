'use strict';
/**
 * The ordered run (obp-flow.postman_collection.json): requests copied from the generated
 * collection in the order below, each with the documented success status checked, a data check,
 * and the ids it creates stored for the requests after it. It needs a user holding CanCreateBank
 * and CanCreateEntitlementAtAnyBank who owns an account with transactions and counterparties (an
 * OBP sandbox import has them); everything else it creates and grants itself, in a bank of its
 * own, and it deletes what the API lets it delete. Every run uses new names, so it can run again
 * on the same server.
 *
 * A step: [name, 'VERB /path below /obp/vX.Y.Z', options], options being
 *   body      fields merged into the body generated from the OpenAPI example (objects merged, the rest replaced)
 *   query     query parameters to send ({ limit: '5' }); the documented ones stay listed, disabled
 *   path      path variables other than {{camelCase of the parameter}} ({ BANK_ID: '{{sandboxBankId}}' })
 *   status    the expected status when it is not the documented success (a read after a delete: 404)
 *   alreadyDone  an OBP error code meaning "already done" (a role held before), accepted with 400
 *   check     JavaScript run with `json` (the answer), `env` (pm.environment.get) and `expect` (pm.expect)
 *   before    JavaScript run before the request
 */

/** Roles the run grants itself at its new bank, then the system roles (bank_id ""). */
const BANK_ROLES = [
  'CanCreateCustomer',
  'CanGetCustomer',
  'CanGetCustomers',
  'CanUpdateCustomerEmail',
  'CanUpdateCustomerMobilePhoneNumber',
  'CanUpdateCustomerIdentity',
  'CanUpdateCustomerCreditLimit',
  'CanUpdateCustomerNumber',
  'CanCreateCustomerAttributeAtOneBank',
  'CanGetCustomerAttributesAtOneBank',
  'CanGetCustomerAttributeAtOneBank',
  'CanUpdateCustomerAttributeAtOneBank',
  'CanDeleteCustomerAttributeAtOneBank',
  'CanCreateCustomerAddress',
  'CanGetCustomerAddress',
  'CanDeleteCustomerAddress',
  'CanCreateTaxResidence',
  'CanGetTaxResidence',
  'CanDeleteTaxResidence',
  'CanAddSocialMediaHandle',
  'CanGetSocialMediaHandles',
  'CanCreateUserCustomerLink',
  'CanGetUserCustomerLink',
  'CanDeleteUserCustomerLink',
  'CanAddKycDocument',
  'CanAddKycMedia',
  'CanAddKycCheck',
  'CanAddKycStatus',
  'CanCreateCustomerMessage',
  'CanGetCustomerMessages',
  'CanGetEntitlementsForOneBank',
  'CanDeleteCustomerCascade',
  'CanUpdateCustomerCreditRatingAndSource',
  'CanUpdateCustomerBranch',
  'CanUpdateCustomerData',
  'CanGetCustomersMinimal',
  'CanCreateCustomerAttributeDefinitionAtOneBank',
  'CanGetCustomerAttributeDefinitionAtOneBank',
  'CanDeleteCustomerAttributeDefinitionAtOneBank',
  'CanGetCorrelatedUsersInfo',
  'CanCreateAccount',
  'CanCreateUserInvitation',
  'CanGetUserInvitation',
];
const SYSTEM_ROLES = [
  'CanGetAnyKycDocuments',
  'CanGetAnyKycMedia',
  'CanGetAnyKycChecks',
  'CanGetAnyKycStatuses',
  'CanCreateConsumer',
  'CanGetConsumers',
  'CanEnableConsumers',
  'CanDisableConsumers',
  'CanSetCallLimits',
  'CanReadCallLimits',
  'CanUpdateConsumerRedirectUrl',
  'CanCreateScopeAtAnyBank',
  'CanGetEntitlementsForAnyUserAtAnyBank',
  'CanDeleteScopeAtAnyBank',
  'CanGetAnyUser',
  'CanDeleteEntitlementAtAnyBank',
  'CanGetCustomersAtAnyBank',
  'CanGetCustomersMinimalAtAnyBank',
  'CanUseCustomerFirehoseAtAnyBank',
  'CanReadUserLockedStatus',
  'CanLockUser',
  'CanUnlockUser',
  'CanGetSystemView',
  'CanCreateSandbox',
  'CanGetApiCollectionsForUser',
  'CanGetAllApiCollections',
];

const SANDBOX_BANK = { BANK_ID: '{{sandboxBankId}}' };
const SANDBOX = { ...SANDBOX_BANK, ACCOUNT_ID: '{{sandboxAccountId}}' };
const TRANSACTION = { ...SANDBOX, TRANSACTION_ID: '{{transactionId}}' };
const COUNTERPARTY = { ...SANDBOX, OTHER_ACCOUNT_ID: '{{otherAccountId}}' };
const TX_METADATA = '/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/transactions/{TRANSACTION_ID}/metadata';
const OTHER_ACCOUNT = '/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/other_accounts/{OTHER_ACCOUNT_ID}';
const CUSTOMER = '/banks/{BANK_ID}/customers/{CUSTOMER_ID}';
const CONSUMER = '/management/consumers/{CONSUMER_ID}';

const FLOW = [
  // Who is running, and a name for this run's data.
  ['Log in', 'POST /my/logins/direct', { before: "pm.environment.set('runId', Date.now().toString(36));", check: "expect(json.token).to.be.a('string');" }],
  [
    'Current user',
    'GET /users/current',
    {
      // The provider is a URL: encoded, it stays one path segment.
      check:
        "expect(json.username).to.eql(env('username'));\n  pm.environment.set('userId', json.user_id);\n  pm.environment.set('ownerUserId', json.user_id);\n  pm.environment.set('provider', encodeURIComponent(json.provider));",
    },
  ],
  [
    'My accounts: pick a sandbox account for the metadata requests',
    'GET /my/accounts',
    {
      check: `// Not one an earlier run created at a bank of its own (the run may be repeated on one server).
  const account = json.accounts.find((candidate) => candidate.bank_id && candidate.id && !candidate.bank_id.startsWith('newman-'));
  expect(account, 'the user owns no account').to.be.an('object');
  pm.environment.set('sandboxBankId', account.bank_id);
  pm.environment.set('sandboxAccountId', account.id);`,
    },
  ],
  [
    'Find the current user by provider and username',
    'GET /users/provider/{PROVIDER}/username/{USERNAME}',
    { check: "expect(json.user_id).to.eql(env('userId'));" },
  ],

  // What the server serves (public).
  ['API info at the version root', 'GET ', { check: "expect(json.version).to.eql('v' + pm.request.url.path[1].slice(1));" }],
  ['API versions', 'GET /api/versions', { check: 'expect(json.scanned_api_versions.length).to.be.above(5);' }],
  ['Glossary', 'GET /api/glossary', { check: 'expect(json.glossary_items).to.not.be.empty;' }],
  [
    'Message docs (none: no connector)',
    'GET /message-docs/{CONNECTOR}',
    { path: { CONNECTOR: 'rest_vMar2019' }, check: "expect(json.message_docs).to.be.an('array');" },
  ],
  [
    'Resource docs as Swagger',
    'GET /resource-docs/{API_VERSION}/swagger',
    { path: { API_VERSION: 'v5.1.0' }, check: 'expect(Object.keys(json.paths).length).to.be.above(100);' },
  ],
  ['My user id', 'GET /users/current/user_id', { check: "expect(json.user_id).to.eql(env('userId'));" }],
  ['Find the current user by id', 'GET /users/user_id/{USER_ID}', { check: "expect(json.username).to.eql(env('username'));" }],
  ['Consumers of my own', 'GET /management/users/current/consumers', { check: "expect(json.consumers).to.be.an('array');" }],

  // A bank of its own.
  [
    'Create a bank',
    'POST /banks',
    {
      body: { id: 'newman-{{runId}}', bank_code: 'NM{{runId}}', full_name: 'Newman test bank {{runId}}' },
      check: "expect(json.id || json.bank_id).to.eql('newman-' + env('runId'));",
    },
  ],
  [
    'Read the bank',
    'GET /banks/{BANK_ID}',
    { check: "expect(json.id).to.eql(env('bankId'));\n  expect(json.full_name).to.eql('Newman test bank ' + env('runId'));" },
  ],
  ['List banks', 'GET /banks', { check: "expect(json.banks.map((bank) => bank.id)).to.include(env('bankId'));" }],

  // The sandbox bank's branches, ATMs and products (public), each listed, then one read by its id.
  [
    'Sandbox branches',
    'GET /banks/{BANK_ID}/branches',
    { path: SANDBOX_BANK, query: { limit: '10' }, check: "expect(json.branches).to.not.be.empty;\n  pm.environment.set('branchId', json.branches[0].id);" },
  ],
  ['A sandbox branch', 'GET /banks/{BANK_ID}/branches/{BRANCH_ID}', { path: SANDBOX_BANK, check: "expect(json.id).to.eql(env('branchId'));" }],
  [
    'Sandbox ATMs',
    'GET /banks/{BANK_ID}/atms',
    { path: SANDBOX_BANK, query: { limit: '10' }, check: "expect(json.atms).to.not.be.empty;\n  pm.environment.set('atmId', json.atms[0].id);" },
  ],
  ['A sandbox ATM', 'GET /banks/{BANK_ID}/atms/{ATM_ID}', { path: SANDBOX_BANK, check: "expect(json.id).to.eql(env('atmId'));" }],
  [
    'Sandbox products',
    'GET /banks/{BANK_ID}/products',
    { path: SANDBOX_BANK, check: "expect(json.products).to.not.be.empty;\n  pm.environment.set('productCode', json.products[0].product_code);" },
  ],
  ['A sandbox product', 'GET /banks/{BANK_ID}/products/{PRODUCT_CODE}', { path: SANDBOX_BANK, check: "expect(json.product_code).to.eql(env('productCode'));" }],

  // Roles: the bank's creator may grant roles there; CanCreateEntitlementAtAnyBank grants the system roles.
  ...BANK_ROLES.map((role) => [
    `Grant ${role} at the bank`,
    'POST /users/{USER_ID}/entitlements',
    { body: { bank_id: '{{bankId}}', role_name: role }, alreadyDone: 'OBP-30216' },
  ]),
  // A role the user holds already (OBP-30216) is fine: the run may be repeated.
  ...SYSTEM_ROLES.map((role) => [`Grant ${role}`, 'POST /users/{USER_ID}/entitlements', { body: { bank_id: '', role_name: role }, alreadyDone: 'OBP-30216' }]),
  [
    'My entitlements',
    'GET /my/entitlements',
    { check: `expect(json.list.map((e) => e.role_name)).to.include.members(${JSON.stringify([...BANK_ROLES, ...SYSTEM_ROLES])});` },
  ],
  [
    'Entitlements of the user',
    'GET /users/{USER_ID}/entitlements',
    { check: "expect(json.list.map((e) => e.entitlement_id)).to.include(env('entitlementId'));" },
  ],
  [
    'Entitlements at the bank',
    'GET /banks/{BANK_ID}/entitlements',
    { check: "expect(json.list.every((e) => e.bank_id === env('bankId'))).to.be.true;\n  expect(json.list.length).to.be.at.least(" + BANK_ROLES.length + ');' },
  ],
  [
    'Entitlements of the user at the bank',
    'GET /banks/{BANK_ID}/users/{USER_ID}/entitlements',
    { check: "expect(json.list.map((e) => e.role_name)).to.include('CanCreateCustomer');" },
  ],
  ['Entitlements of every user', 'GET /entitlements', { check: "expect(json.list.map((e) => e.entitlement_id)).to.include(env('entitlementId'));" }],

  // A customer, its details and what hangs off it.
  [
    'Create a customer',
    `POST /banks/{BANK_ID}/customers`,
    {
      body: { customer_number: 'NM-{{runId}}', legal_name: 'Newman Tester', mobile_phone_number: '+44 7700 900{{runId}}' },
      check: "expect(json.customer_number).to.eql('NM-' + env('runId'));",
    },
  ],
  [
    'Read the customer',
    `GET ${CUSTOMER}`,
    { check: "expect(json.customer_id).to.eql(env('customerId'));\n  expect(json.legal_name).to.eql('Newman Tester');" },
  ],
  [
    'Find the customer by number',
    'POST /banks/{BANK_ID}/customers/customer-number',
    { body: { customer_number: 'NM-{{runId}}' }, check: "expect(json.customer_id).to.eql(env('customerId'));" },
  ],
  [
    'List customers at the bank, paged',
    'GET /banks/{BANK_ID}/customers',
    { query: { limit: '10', offset: '0', sort_direction: 'DESC' }, check: "expect(json.customers.map((c) => c.customer_id)).to.include(env('customerId'));" },
  ],
  [
    'Minimal customers at the bank',
    'GET /banks/{BANK_ID}/customers-minimal',
    { check: "expect(json.customers.map((c) => c.customer_id)).to.include(env('customerId'));" },
  ],
  [
    'Customers at every bank',
    'GET /customers',
    { query: { limit: '500', sort_direction: 'DESC' }, check: "expect(json.customers.map((c) => c.customer_id)).to.include(env('customerId'));" },
  ],
  [
    'Minimal customers at every bank',
    'GET /customers-minimal',
    { query: { limit: '500', sort_direction: 'DESC' }, check: "expect(json.customers.map((c) => c.customer_id)).to.include(env('customerId'));" },
  ],
  [
    'Customer firehose at the bank',
    'GET /banks/{BANK_ID}/firehose/customers',
    { check: "expect(json.customers.map((c) => c.customer_id)).to.include(env('customerId'));" },
  ],
  [
    'Search customers by mobile number',
    'POST /banks/{BANK_ID}/search/customers/mobile-phone-number',
    { body: { mobile_phone_number: '+44 7700 900{{runId}}' }, check: "expect(json.customers.map((c) => c.customer_id)).to.eql([env('customerId')]);" },
  ],
  [
    'Update the e-mail',
    `PUT ${CUSTOMER}/email`,
    { body: { email: 'newman-{{runId}}@example.com' }, check: "expect(json.email).to.eql('newman-' + env('runId') + '@example.com');" },
  ],
  [
    'Update the mobile number',
    `PUT ${CUSTOMER}/mobile-number`,
    { body: { mobile_phone_number: '+44 7700 900999' }, check: "expect(json.mobile_phone_number).to.eql('+44 7700 900999');" },
  ],
  [
    'Update the identity',
    `PUT ${CUSTOMER}/identity`,
    { body: { legal_name: 'Newman Tester-Renamed' }, check: "expect(json.legal_name).to.eql('Newman Tester-Renamed');" },
  ],
  [
    'Update the credit limit',
    `PUT ${CUSTOMER}/credit-limit`,
    { body: { credit_limit: { currency: 'EUR', amount: '2500' } }, check: "expect(json.credit_limit.amount).to.eql('2500');" },
  ],
  [
    'Update the credit rating and source',
    `PUT ${CUSTOMER}/credit-rating-and-source`,
    { body: { credit_rating: 'Good', credit_source: 'Newman' }, check: "expect(json.credit_rating.rating).to.eql('Good');" },
  ],
  ['Update the branch', `PUT ${CUSTOMER}/branch`, { body: { branch_id: 'NM-BRANCH' }, check: "expect(json.branch_id).to.eql('NM-BRANCH');" }],
  [
    'Update the personal data',
    `PUT ${CUSTOMER}/data`,
    { body: { relationship_status: 'married', dependants: 2 }, check: "expect(json.relationship_status).to.eql('married');" },
  ],
  [
    'Read the updated customer',
    `GET ${CUSTOMER}`,
    { check: "expect(json.email).to.eql('newman-' + env('runId') + '@example.com');\n  expect(json.legal_name).to.eql('Newman Tester-Renamed');" },
  ],
  [
    'Add an attribute',
    `POST ${CUSTOMER}/attribute`,
    { body: { name: 'NEWMAN_RUN', type: 'STRING', value: '{{runId}}' }, check: "expect(json.value).to.eql(env('runId'));" },
  ],
  [
    'List attributes',
    `GET ${CUSTOMER}/attributes`,
    { check: "expect(json.customer_attributes.map((a) => a.customer_attribute_id)).to.include(env('customerAttributeId'));" },
  ],
  [
    'Update the attribute',
    `PUT ${CUSTOMER}/attributes/{CUSTOMER_ATTRIBUTE_ID}`,
    { body: { name: 'NEWMAN_RUN', type: 'STRING', value: 'updated' }, check: "expect(json.value).to.eql('updated');" },
  ],
  ['Read the attribute', `GET ${CUSTOMER}/attributes/{CUSTOMER_ATTRIBUTE_ID}`, { check: "expect(json.value).to.eql('updated');" }],
  ['Delete the attribute', 'DELETE /banks/{BANK_ID}/customers/attributes/{CUSTOMER_ATTRIBUTE_ID}', {}],
  [
    'Attribute gone',
    `GET ${CUSTOMER}/attributes`,
    { check: "expect(json.customer_attributes.map((a) => a.customer_attribute_id)).to.not.include(env('customerAttributeId'));" },
  ],
  [
    'Define a customer attribute',
    'PUT /banks/{BANK_ID}/attribute-definitions/customer',
    { body: { name: 'NEWMAN_{{runId}}', description: 'Set by the ordered run' }, check: "expect(json.name).to.eql('NEWMAN_' + env('runId'));" },
  ],
  [
    'Customer attribute definitions',
    'GET /banks/{BANK_ID}/attribute-definitions/customer',
    { check: "expect(json.attributes.map((a) => a.attribute_definition_id)).to.include(env('attributeDefinitionId'));" },
  ],
  ['Delete the attribute definition', 'DELETE /banks/{BANK_ID}/attribute-definitions/{ATTRIBUTE_DEFINITION_ID}/customer', {}],
  ['Add an address', `POST ${CUSTOMER}/address`, { body: { city: 'Newmanton' }, check: "expect(json.city).to.eql('Newmanton');" }],
  ['List addresses', `GET ${CUSTOMER}/addresses`, { check: "expect(json.addresses.map((a) => a.customer_address_id)).to.include(env('customerAddressId'));" }],
  [
    'Update the address',
    `PUT ${CUSTOMER}/addresses/{CUSTOMER_ADDRESS_ID}`,
    { body: { city: 'Newmanton upon Test' }, check: "expect(json.city).to.eql('Newmanton upon Test');" },
  ],
  ['Delete the address', `DELETE ${CUSTOMER}/addresses/{CUSTOMER_ADDRESS_ID}`, {}],
  [
    'Add a tax residence',
    `POST ${CUSTOMER}/tax-residence`,
    { body: { domain: 'GB', tax_number: 'NM{{runId}}' }, check: "expect(json.tax_number).to.eql('NM' + env('runId'));" },
  ],
  [
    'List tax residences',
    `GET ${CUSTOMER}/tax-residences`,
    { check: "expect(json.tax_residence.map((t) => t.tax_residence_id)).to.include(env('taxResidenceId'));" },
  ],
  ['Delete the tax residence', `DELETE ${CUSTOMER}/tax_residencies/{TAX_RESIDENCE_ID}`, {}],
  ['Add a social media handle', `POST ${CUSTOMER}/social_media_handles`, { body: { customer_number: 'NM-{{runId}}', handle: '@newman{{runId}}' } }],
  [
    'List social media handles',
    `GET ${CUSTOMER}/social_media_handles`,
    { check: "expect(json.checks.map((h) => h.handle)).to.include('@newman' + env('runId'));" },
  ],
  [
    'Link the user to the customer',
    'POST /banks/{BANK_ID}/user_customer_links',
    { body: { user_id: '{{userId}}', customer_id: '{{customerId}}' }, check: "expect(json.customer_id).to.eql(env('customerId'));" },
  ],
  [
    'Links of the customer',
    'GET /banks/{BANK_ID}/user_customer_links/customers/{CUSTOMER_ID}',
    { check: "expect(json.user_customer_links.map((l) => l.user_customer_link_id)).to.include(env('userCustomerLinkId'));" },
  ],
  [
    'My customers at the bank',
    'GET /banks/{BANK_ID}/my/customers',
    { check: "expect(json.customers.map((c) => c.customer_id)).to.include(env('customerId'));" },
  ],
  [
    'Links of the user',
    'GET /banks/{BANK_ID}/user_customer_links/users/{USER_ID}',
    { check: "expect(json.user_customer_links.map((l) => l.customer_id)).to.include(env('customerId'));" },
  ],
  ['My customers', 'GET /my/customers', { check: "expect(json.customers.map((c) => c.customer_id)).to.include(env('customerId'));" }],
  [
    'Customers of the current user',
    'GET /users/current/customers',
    { check: "expect(json.customers.map((c) => c.customer_id)).to.include(env('customerId'));" },
  ],
  [
    'Customer ids of the current user',
    'GET /users/current/customers/customer_ids',
    { check: "expect(json.customers.map((c) => c.id)).to.include(env('customerId'));" },
  ],
  [
    'Users correlated with the customer',
    `GET ${CUSTOMER}/correlated-users`,
    { check: "expect(json.customer.customer_id).to.eql(env('customerId'));\n  expect(json.users.map((u) => u.user_id)).to.include(env('userId'));" },
  ],
  ['My correlated entities', 'GET /my/correlated-entities', { check: "expect(json.correlated_entities).to.be.an('array');" }],

  // KYC.
  [
    'Add a KYC document',
    `PUT ${CUSTOMER}/kyc_documents/{KYC_DOCUMENT_ID}`,
    { before: "pm.environment.set('kycDocumentId', 'doc-' + pm.environment.get('runId'));", body: { customer_number: 'NM-{{runId}}', number: 'P{{runId}}' } },
  ],
  [
    'Add a KYC check',
    `PUT ${CUSTOMER}/kyc_check/{KYC_CHECK_ID}`,
    {
      before: "pm.environment.set('kycCheckId', 'check-' + pm.environment.get('runId'));",
      body: { customer_number: 'NM-{{runId}}', staff_user_id: '{{userId}}' },
    },
  ],
  [
    'Add a KYC medium',
    `PUT ${CUSTOMER}/kyc_media/{KYC_MEDIA_ID}`,
    {
      before: "pm.environment.set('kycMediaId', 'media-' + pm.environment.get('runId'));",
      body: { customer_number: 'NM-{{runId}}', relates_to_kyc_document_id: '{{kycDocumentId}}', relates_to_kyc_check_id: '{{kycCheckId}}' },
    },
  ],
  ['Add a KYC status', `PUT ${CUSTOMER}/kyc_statuses`, { body: { customer_number: 'NM-{{runId}}', ok: true } }],
  ['KYC documents', 'GET /customers/{CUSTOMER_ID}/kyc_documents', { check: "expect(json.documents.map((d) => d.id)).to.include(env('kycDocumentId'));" }],
  ['KYC media', 'GET /customers/{CUSTOMER_ID}/kyc_media', { check: "expect(json.medias.map((m) => m.id)).to.include(env('kycMediaId'));" }],
  ['KYC checks', 'GET /customers/{CUSTOMER_ID}/kyc_checks', { check: "expect(json.checks.map((c) => c.id)).to.include(env('kycCheckId'));" }],
  ['KYC statuses', 'GET /customers/{CUSTOMER_ID}/kyc_statuses', { check: 'expect(json.statuses.length).to.be.at.least(1);' }],

  // Meetings and messages.
  ['Arrange a meeting', 'POST /banks/{BANK_ID}/meetings', { body: { purpose_id: 'newman-{{runId}}' } }],
  ['Read the meeting', 'GET /banks/{BANK_ID}/meetings/{MEETING_ID}', { check: "expect(json.meeting_id).to.eql(env('meetingId'));" }],
  ['List meetings', 'GET /banks/{BANK_ID}/meetings', { check: "expect(json.meetings.map((m) => m.meeting_id)).to.include(env('meetingId'));" }],
  ['Send the customer a message', `POST ${CUSTOMER}/messages`, { body: { message: 'Hello from run {{runId}}' } }],
  [
    'Messages of the customer',
    `GET ${CUSTOMER}/messages`,
    { check: "expect(json.messages.map((m) => m.message)).to.include('Hello from run ' + env('runId'));" },
  ],
  ['Send a message the v1.4.0 way', 'POST /banks/{BANK_ID}/customer/{CUSTOMER_ID}/messages', { body: { message: 'Old-style hello {{runId}}' } }],
  [
    'My messages as a customer',
    'GET /banks/{BANK_ID}/customer/messages',
    { check: "expect(json.messages.map((m) => m.message)).to.include('Old-style hello ' + env('runId'));" },
  ],
  ['Request a credit limit', `POST ${CUSTOMER}/credit_limit/requests`, {}],
  [
    'Credit limit requests',
    `GET ${CUSTOMER}/credit_limit/requests`,
    { check: "expect(json.credit_limit_requests).to.have.lengthOf(1);\n  pm.environment.set('requestId', json.credit_limit_requests[0].request_id);" },
  ],
  ['The credit limit request', `GET ${CUSTOMER}/credit_limit/requests/{REQUEST_ID}`, { check: "expect(json.request_id).to.eql(env('requestId'));" }],

  // An account at the new bank.
  [
    'Create an account',
    'POST /banks/{BANK_ID}/accounts',
    {
      body: {
        user_id: '{{userId}}',
        label: 'Newman account {{runId}}',
        balance: { currency: 'EUR', amount: '0' },
        account_routings: [{ scheme: 'AccountNumber', address: 'NM{{runId}}' }],
      },
    },
  ],
  [
    'Read the account through the owner view',
    'GET /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/account',
    { check: "expect(json.id).to.eql(env('accountId'));\n  expect(json.label).to.eql('Newman account ' + env('runId'));" },
  ],
  ['Views of the account', 'GET /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/views', { check: "expect(json.views.map((view) => view.id)).to.include('owner');" }],
  [
    'Accounts at the bank',
    'GET /banks/{BANK_ID}/accounts',
    { check: "expect((json.accounts || json).map((account) => account.id)).to.include(env('accountId'));" },
  ],
  ['My accounts include it', 'GET /my/accounts', { check: "expect(json.accounts.map((account) => account.id)).to.include(env('accountId'));" }],
  [
    'Create an account with an id of its own',
    'PUT /banks/{BANK_ID}/accounts/{ACCOUNT_ID}',
    {
      before: "pm.environment.set('namedAccountId', 'nm-acc-' + pm.environment.get('runId'));",
      path: { ACCOUNT_ID: '{{namedAccountId}}' },
      body: { user_id: '{{userId}}', label: 'Named account {{runId}}', account_routings: [{ scheme: 'AccountNumber', address: 'NMX{{runId}}' }] },
      check: "expect(json.account_id || json.id).to.eql(env('namedAccountId'));",
    },
  ],
  [
    'Accounts held at the bank',
    'GET /banks/{BANK_ID}/accounts-held',
    { check: "expect(json.accounts.map((account) => account.id)).to.include.members([env('accountId'), env('namedAccountId')]);" },
  ],
  ['My account', 'GET /my/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/account', { check: "expect(json.id).to.eql(env('accountId'));" }],
  ['The owner system view', 'GET /system-views/{VIEW_ID}', { path: { VIEW_ID: 'owner' }, check: "expect(json.id).to.eql('owner');" }],
  ['System view ids', 'GET /system-views-ids', { check: "expect(json.views.map((view) => view.id)).to.include('owner');" }],

  // Transaction and counterparty metadata, on the sandbox account.
  [
    'Sandbox transactions, newest first',
    'GET /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/transactions',
    {
      path: SANDBOX,
      headers: { obp_limit: '5', obp_sort_direction: 'DESC' },
      check:
        "expect(json.transactions).to.not.be.empty;\n  expect(json.transactions.length).to.be.at.most(5);\n  pm.environment.set('transactionId', json.transactions[0].id);",
    },
  ],
  ['Add a narrative', `POST ${TX_METADATA}/narrative`, { path: TRANSACTION, body: { narrative: 'Newman run {{runId}}' } }],
  ['Read the narrative', `GET ${TX_METADATA}/narrative`, { path: TRANSACTION, check: "expect(json.narrative).to.eql('Newman run ' + env('runId'));" }],
  ['Update the narrative', `PUT ${TX_METADATA}/narrative`, { path: TRANSACTION, body: { narrative: 'Newman run {{runId}}, updated' } }],
  ['Delete the narrative', `DELETE ${TX_METADATA}/narrative`, { path: TRANSACTION }],
  ['Add a comment', `POST ${TX_METADATA}/comments`, { path: TRANSACTION, body: { value: 'Comment from run {{runId}}' } }],
  ['Comments', `GET ${TX_METADATA}/comments`, { path: TRANSACTION, check: "expect(json.comments.map((c) => c.id)).to.include(env('commentId'));" }],
  ['Delete the comment', `DELETE ${TX_METADATA}/comments/{COMMENT_ID}`, { path: TRANSACTION }],
  ['Add a tag', `POST ${TX_METADATA}/tags`, { path: TRANSACTION, body: { value: 'newman-{{runId}}' } }],
  ['Tags', `GET ${TX_METADATA}/tags`, { path: TRANSACTION, check: "expect(json.tags.map((t) => t.id)).to.include(env('tagId'));" }],
  ['Delete the tag', `DELETE ${TX_METADATA}/tags/{TAG_ID}`, { path: TRANSACTION }],
  [
    'Add an image',
    `POST ${TX_METADATA}/images`,
    { path: TRANSACTION, body: { label: 'Receipt {{runId}}', URL: 'https://example.com/receipts/{{runId}}.png' } },
  ],
  ['Images', `GET ${TX_METADATA}/images`, { path: TRANSACTION, check: "expect(json.images.map((i) => i.id)).to.include(env('imageId'));" }],
  ['Delete the image', `DELETE ${TX_METADATA}/images/{IMAGE_ID}`, { path: TRANSACTION }],
  ['Add where it happened', `POST ${TX_METADATA}/where`, { path: TRANSACTION, body: { where: { latitude: 51.5, longitude: -0.12 } } }],
  ['Where it happened', `GET ${TX_METADATA}/where`, { path: TRANSACTION, check: 'expect(json.where.latitude).to.eql(51.5);' }],
  ['Update where it happened', `PUT ${TX_METADATA}/where`, { path: TRANSACTION, body: { where: { latitude: 48.1, longitude: 11.6 } } }],
  ['Delete where it happened', `DELETE ${TX_METADATA}/where`, { path: TRANSACTION }],
  [
    'Sandbox counterparties',
    'GET /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/other_accounts',
    { path: SANDBOX, check: "expect(json.other_accounts).to.not.be.empty;\n  pm.environment.set('otherAccountId', json.other_accounts[0].id);" },
  ],
  ['Add a private alias', `POST ${OTHER_ACCOUNT}/private_alias`, { path: COUNTERPARTY, body: { alias: 'Newman {{runId}}' } }],
  ['Read the private alias', `GET ${OTHER_ACCOUNT}/private_alias`, { path: COUNTERPARTY, check: "expect(json.alias).to.eql('Newman ' + env('runId'));" }],
  ['Update the private alias', `PUT ${OTHER_ACCOUNT}/private_alias`, { path: COUNTERPARTY, body: { alias: 'Newman {{runId}} 2' } }],
  ['Delete the private alias', `DELETE ${OTHER_ACCOUNT}/private_alias`, { path: COUNTERPARTY }],
  ['Add more info', `POST ${OTHER_ACCOUNT}/metadata/more_info`, { path: COUNTERPARTY, body: { more_info: 'Met at run {{runId}}' } }],
  ['Add a public alias', `POST ${OTHER_ACCOUNT}/public_alias`, { path: COUNTERPARTY, body: { alias: 'Public {{runId}}' } }],
  ['Read the public alias', `GET ${OTHER_ACCOUNT}/public_alias`, { path: COUNTERPARTY, check: "expect(json.alias).to.eql('Public ' + env('runId'));" }],
  ['Update the public alias', `PUT ${OTHER_ACCOUNT}/public_alias`, { path: COUNTERPARTY, body: { alias: 'Public {{runId}} 2' } }],
  ['Delete the public alias', `DELETE ${OTHER_ACCOUNT}/public_alias`, { path: COUNTERPARTY }],
  ...[
    ['url', 'URL', 'https://example.com/newman/{{runId}}', 'https://example.com/newman/{{runId}}/2'],
    ['image_url', 'image_URL', 'https://example.com/newman/{{runId}}.png', 'https://example.com/newman/{{runId}}-2.png'],
    ['open_corporates_url', 'open_corporates_URL', 'https://opencorporates.com/companies/gb/{{runId}}', 'https://opencorporates.com/companies/gb/{{runId}}2'],
    ['corporate_location', 'corporate_location', { latitude: 51.5, longitude: -0.12 }, { latitude: 52.5, longitude: 13.4 }],
    ['physical_location', 'physical_location', { latitude: 51.5, longitude: -0.12 }, { latitude: 52.5, longitude: 13.4 }],
  ].flatMap(([segment, field, first, second]) => [
    [`Add the counterparty ${segment}`, `POST ${OTHER_ACCOUNT}/metadata/${segment}`, { path: COUNTERPARTY, body: { [field]: first } }],
    [`Update the counterparty ${segment}`, `PUT ${OTHER_ACCOUNT}/metadata/${segment}`, { path: COUNTERPARTY, body: { [field]: second } }],
  ]),
  ['Counterparty metadata', `GET ${OTHER_ACCOUNT}/metadata`, { path: COUNTERPARTY, check: "expect(json.more_info).to.eql('Met at run ' + env('runId'));" }],
  ['Update more info', `PUT ${OTHER_ACCOUNT}/metadata/more_info`, { path: COUNTERPARTY, body: { more_info: 'Met at run {{runId}}, again' } }],
  ...['url', 'image_url', 'open_corporates_url', 'corporate_location', 'physical_location'].map((segment) => [
    `Delete the counterparty ${segment}`,
    `DELETE ${OTHER_ACCOUNT}/metadata/${segment}`,
    { path: COUNTERPARTY },
  ]),
  [
    'Explicit counterparties of the sandbox account (none: v5.1.0 has no operation creating one)',
    'GET /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/counterparties',
    { path: SANDBOX, check: "expect(json.counterparties).to.be.an('array');" },
  ],
  ['Delete more info', `DELETE ${OTHER_ACCOUNT}/metadata/more_info`, { path: COUNTERPARTY }],

  // Consumers (applications) and their scopes and limits.
  ['Register a consumer', 'POST /management/consumers', { body: { app_name: 'newman-{{runId}}', developer_email: 'newman@example.com', enabled: true } }],
  [
    'Read the consumer',
    `GET ${CONSUMER}`,
    { check: "expect(json.consumer_id).to.eql(env('consumerId'));\n  expect(json.app_name).to.eql('newman-' + env('runId'));" },
  ],
  [
    'List consumers',
    'GET /management/consumers',
    { query: { limit: '500', sort_direction: 'DESC' }, check: "expect(json.consumers.map((c) => c.consumer_id)).to.include(env('consumerId'));" },
  ],
  ['Disable the consumer', `PUT ${CONSUMER}`, { body: { enabled: false }, check: 'expect(json.enabled).to.eql(false);' }],
  ['Enable the consumer', `PUT ${CONSUMER}`, { body: { enabled: true }, check: 'expect(json.enabled).to.eql(true);' }],
  ['Update its redirect URL', `PUT ${CONSUMER}/consumer/redirect_url`, { body: { redirect_url: 'https://example.com/newman/{{runId}}' } }],
  // Consumer-wide (no bank, version or endpoint), the limits the GET shows.
  [
    'Set its call limits',
    `PUT ${CONSUMER}/consumer/call-limits`,
    { body: { per_minute_call_limit: '100', bank_id: undefined, api_version: undefined, api_name: undefined } },
  ],
  ['Read its call limits', `GET ${CONSUMER}/consumer/call-limits`, { check: "expect(String(json.per_minute_call_limit)).to.eql('100');" }],
  ['Add a scope', 'POST /consumers/{CONSUMER_ID}/scopes', { body: { bank_id: '', role_name: 'CanGetAnyUser' } }],
  ['Scopes of the consumer', 'GET /consumers/{CONSUMER_ID}/scopes', { check: "expect(json.list.map((s) => s.scope_id)).to.include(env('scopeId'));" }],
  ['Delete the scope', 'DELETE /consumers/{CONSUMER_ID}/scope/{SCOPE_ID}', {}],

  // An invitation, a second user, its lock, a custom view, and a view of the new account shared with the second user.
  [
    'Invite a developer',
    'POST /banks/{BANK_ID}/user-invitation',
    { body: { email: 'invited-{{runId}}@example.com' }, check: "expect(json.status).to.eql('CREATED');\n  expect(env('secretLink')).to.eql(json.secret_key);" },
  ],
  [
    'Invitations of the bank',
    'GET /banks/{BANK_ID}/user-invitations',
    { check: "expect(json.user_invitations.map((i) => i.email)).to.include('invited-' + env('runId') + '@example.com');" },
  ],
  [
    'The invitation by its secret',
    'GET /banks/{BANK_ID}/user-invitations/{SECRET_LINK}',
    { check: "expect(json.email).to.eql('invited-' + env('runId') + '@example.com');" },
  ],
  [
    'The invitation as the invitee sees it',
    'POST /banks/{BANK_ID}/user-invitations',
    { body: { secret_key: '{{secretLink}}' }, check: "expect(json.email).to.eql('invited-' + env('runId') + '@example.com');" },
  ],
  [
    'Create a second user',
    'POST /users',
    {
      body: { email: 'second-{{runId}}@example.com', username: 'newman_second_{{runId}}', user_invitation_secret_key: undefined },
      // The create stores the new id in userId; the run goes on as the owner.
      check:
        "expect(json.username).to.eql('newman_second_' + env('runId'));\n  pm.environment.set('secondUserId', json.user_id);\n  pm.environment.set('userId', env('ownerUserId'));",
    },
  ],
  ['Lock the second user', 'POST /users/{PROVIDER}/{USERNAME}/locks', { path: { USERNAME: 'newman_second_{{runId}}' } }],
  [
    'Its lock status',
    'GET /users/{PROVIDER}/{USERNAME}/lock-status',
    {
      path: { USERNAME: 'newman_second_{{runId}}' },
      check: "expect(json.username).to.eql('newman_second_' + env('runId'));\n  expect(json.bad_attempts_since_last_success_or_reset).to.be.a('number');",
    },
  ],
  ['Unlock it', 'PUT /users/{PROVIDER}/{USERNAME}/lock-status', { path: { USERNAME: 'newman_second_{{runId}}' } }],
  [
    'Create a custom view of the new account',
    'POST /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/views',
    {
      body: { name: '_newman{{runId}}' },
      // The create stores the new view id in viewId; the other requests go on through the owner view.
      check: "pm.environment.set('customViewId', json.id);\n  pm.environment.set('viewId', 'owner');\n  expect(json.id).to.eql('_newman' + env('runId'));",
    },
  ],
  // Through the owner view, which may grant and revoke the system views.
  [
    'Give the second user the accountant view',
    'POST /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/views/{VIEW_ID}/account-access/grant',
    { path: { VIEW_ID: 'owner' }, body: { user_id: '{{secondUserId}}', view_id: 'accountant' }, check: "expect(json.id).to.eql('accountant');" },
  ],
  [
    'Take it back',
    'POST /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/views/{VIEW_ID}/account-access/revoke',
    { path: { VIEW_ID: 'owner' }, body: { user_id: '{{secondUserId}}', view_id: 'accountant' } },
  ],

  // API collections: one of my own, endpoints added by name and by id, read, shared, deleted.
  ['Create an API collection', 'POST /my/api-collections', { body: { api_collection_name: 'newman-{{runId}}', is_sharable: true } }],
  [
    'My API collections',
    'GET /my/api-collections',
    { check: "expect(json.api_collections.map((c) => c.api_collection_id)).to.include(env('apiCollectionId'));" },
  ],
  ['The collection by name', 'GET /my/api-collections/name/{API_COLLECTION_NAME}', { check: "expect(json.api_collection_id).to.eql(env('apiCollectionId'));" }],
  ['The collection by id', 'GET /my/api-collections/{API_COLLECTION_ID}', { check: "expect(json.api_collection_name).to.eql('newman-' + env('runId'));" }],
  ['The shared collection', 'GET /api-collections/sharable/{API_COLLECTION_ID}', { check: "expect(json.api_collection_id).to.eql(env('apiCollectionId'));" }],
  [
    'Collections of the user',
    'GET /users/{USER_ID}/api-collections',
    { check: "expect(json.api_collections.map((c) => c.api_collection_id)).to.include(env('apiCollectionId'));" },
  ],
  [
    'Add an endpoint by collection name',
    'POST /my/api-collections/{API_COLLECTION_NAME}/api-collection-endpoints',
    { body: { operation_id: 'OBPv4.0.0-getBanks' } },
  ],
  [
    'Endpoints by collection name',
    'GET /my/api-collections/{API_COLLECTION_NAME}/api-collection-endpoints',
    { check: "expect(json.api_collection_endpoints.map((e) => e.operation_id)).to.include('OBPv4.0.0-getBanks');" },
  ],
  [
    'One endpoint by collection name',
    'GET /my/api-collections/{API_COLLECTION_NAME}/api-collection-endpoints/{OPERATION_ID}',
    { check: "expect(json.api_collection_endpoint_id).to.eql(env('apiCollectionEndpointId'));" },
  ],
  ['Remove it by collection name', 'DELETE /my/api-collections/{API_COLLECTION_NAME}/api-collection-endpoints/{OPERATION_ID}', {}],
  [
    'Add an endpoint by collection id',
    'POST /my/api-collection-ids/{API_COLLECTION_ID}/api-collection-endpoints',
    { body: { operation_id: 'OBPv4.0.0-getBanks' } },
  ],
  [
    'Endpoints by collection id',
    'GET /my/api-collection-ids/{API_COLLECTION_ID}/api-collection-endpoints',
    { check: "expect(json.api_collection_endpoints.map((e) => e.operation_id)).to.eql(['OBPv4.0.0-getBanks']);" },
  ],
  ['Remove it by collection id and operation', 'DELETE /my/api-collection-ids/{API_COLLECTION_ID}/api-collection-endpoints/{OPERATION_ID}', {}],
  [
    'Add it again by collection id',
    'POST /my/api-collection-ids/{API_COLLECTION_ID}/api-collection-endpoints',
    { body: { operation_id: 'OBPv4.0.0-getBanks' } },
  ],
  [
    'Endpoints of the shared collection, read by anyone',
    'GET /api-collections/{API_COLLECTION_ID}/api-collection-endpoints',
    { check: "expect(json.api_collection_endpoints.map((e) => e.operation_id)).to.eql(['OBPv4.0.0-getBanks']);" },
  ],
  ['Remove it by endpoint id', 'DELETE /my/api-collection-ids/{API_COLLECTION_ID}/api-collection-endpoint-ids/{API_COLLECTION_ENDPOINT_ID}', {}],
  [
    'Rename the collection',
    'PUT /my/api-collections/{API_COLLECTION_ID}',
    {
      body: { api_collection_name: 'newman-{{runId}}-renamed', is_sharable: true, description: 'Renamed by the ordered run' },
      check: "expect(json.api_collection_name).to.eql('newman-' + env('runId') + '-renamed');",
    },
  ],
  [
    'Every collection (management)',
    'GET /management/api-collections',
    { check: "expect(json.api_collections.map((c) => c.api_collection_id)).to.include(env('apiCollectionId'));" },
  ],
  ['Featured collections', 'GET /api-collections/featured', { check: 'expect(json.api_collections).to.be.an("array");' }],
  ['Delete the collection', 'DELETE /my/api-collections/{API_COLLECTION_ID}', {}],

  // A sandbox import of a small bank of its own (new ids each run).
  [
    'Import a small sandbox',
    'POST /sandbox/data-import',
    {
      body: {
        banks: [
          {
            id: 'newman-import-{{runId}}',
            short_name: 'NM import',
            full_name: 'Newman import {{runId}}',
            logo: 'https://example.com/logo.png',
            website: 'https://example.com',
          },
        ],
        users: [{ email: 'import-{{runId}}@example.com', password: 'Newman-import-{{runId}}-Pw1!', user_name: 'newman_import_{{runId}}' }],
        accounts: [],
        transactions: [],
        branches: [],
        atms: [],
        products: [],
        crm_events: [],
      },
    },
  ],
  [
    'The imported bank',
    'GET /banks/{BANK_ID}',
    { path: { BANK_ID: 'newman-import-{{runId}}' }, check: "expect(json.full_name).to.eql('Newman import ' + env('runId'));" },
  ],

  [
    'Change the customer number',
    `PUT ${CUSTOMER}/number`,
    { body: { customer_number: 'NM2-{{runId}}' }, check: "expect(json.customer_number).to.eql('NM2-' + env('runId'));" },
  ],

  // Clean up what the API can delete.
  ['Delete the user-customer link', 'DELETE /banks/{BANK_ID}/user_customer_links/{USER_CUSTOMER_LINK_ID}', {}],
  ['Delete the customer and what hangs off it', 'DELETE /management/cascading/banks/{BANK_ID}/customers/{CUSTOMER_ID}', {}],
  ['The customer is gone', `GET ${CUSTOMER}`, { status: 404, check: 'expect(json.message).to.match(/^OBP-30/);' }],
  ['Revoke the last role granted', 'DELETE /users/{USER_ID}/entitlement/{ENTITLEMENT_ID}', {}],
  ['The role is gone', 'GET /users/{USER_ID}/entitlements', { check: "expect(json.list.map((e) => e.entitlement_id)).to.not.include(env('entitlementId'));" }],
];

/** Deep merge for JSON bodies: objects merged key by key, anything else replaced. */
function merge(base, overrides) {
  if (!isObject(base) || !isObject(overrides)) return overrides; // undefined: the field is left out
  const merged = { ...base };
  for (const [key, value] of Object.entries(overrides)) merged[key] = key in base ? merge(base[key], value) : value;
  return merged;
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The FLOW steps copied out of the v`version` collection; none (and the requests it lacks) when
 * the version does not serve one of them.
 */
function flowCollection(collection, version, { script, stableId, requestKey, forEachRequest, successStatus }) {
  const byKey = new Map();
  forEachRequest(collection.item, (item) => byKey.set(requestKey(item), item));
  const keyOf = (request) => {
    const [method, relative] = request.split(' ');
    return `${method} ${relative === '/my/logins/direct' ? '' : `/obp/v${version}`}${relative}`;
  };
  const missing = [...new Set(FLOW.map(([, request]) => request).filter((request) => !byKey.has(keyOf(request))))];
  if (missing.length > 0) return { steps: 0, missing, collection: undefined };

  const item = FLOW.map(([name, request, options], index) => {
    const source = byKey.get(keyOf(request));
    const copy = structuredClone(source);
    delete copy.response;
    copy.id = stableId('flow', version, String(index));
    copy.name = `${String(index + 1).padStart(3, '0')} ${name}`;
    if (options.body) {
      const generated = JSON.parse(copy.request.body.raw || '{}');
      copy.request.body = { ...copy.request.body, raw: JSON.stringify(merge(generated, options.body), null, 2) };
    }
    for (const [key, value] of Object.entries(options.query || {})) {
      const existing = (copy.request.url.query || []).find((parameter) => parameter.key === key);
      if (!existing) throw new Error(`flow step "${name}": ${request} declares no query parameter ${key}`);
      Object.assign(existing, { value, disabled: false });
    }
    for (const [key, value] of Object.entries(options.headers || {})) {
      const existing = (copy.request.header || []).find((header) => header.key === key);
      if (!existing) throw new Error(`flow step "${name}": ${request} declares no header ${key}`);
      Object.assign(existing, { value, disabled: false });
    }
    for (const [key, value] of Object.entries(options.path || {})) {
      const variable = copy.request.url.variable.find((candidate) => candidate.key === key);
      if (!variable) throw new Error(`flow step "${name}": ${request} has no path parameter ${key}`);
      variable.value = value;
    }
    const status = options.status || successStatus(keyOf(request));
    const title = name.replace(/'/g, "\\'");
    const statusTest = options.alreadyDone
      ? `pm.test('${title}: HTTP ${status}, or 400 ${options.alreadyDone} (done before)', () => {\n` +
        `  if (pm.response.code === 400) pm.expect(pm.response.json().message).to.match(/^${options.alreadyDone}:/);\n` +
        `  else pm.expect(pm.response.code, pm.response.text().slice(0, 500)).to.eql(${status});\n});`
      : `pm.test('${title}: HTTP ${status}', () => pm.expect(pm.response.code, pm.response.text().slice(0, 500)).to.eql(${status}));`;
    const test = [
      statusTest,
      ...(options.check
        ? [
            `pm.test('${title}: expected data', () => {`,
            '  const json = pm.response.json();',
            '  const env = (key) => pm.environment.get(key);',
            '  const expect = pm.expect;',
            `  ${options.check}`,
            '});',
          ]
        : []),
    ].join('\n');
    // The generated collection's own test (if any) stores the new id.
    copy.event = [...(options.before ? [script('prerequest', options.before)] : []), ...(copy.event || []), script('test', test)];
    return copy;
  });
  const info = {
    ...collection.info,
    _postman_id: stableId('flow', version),
    name: `OBP API v${version} ordered run`,
    description:
      'Creates a bank, grants the roles it needs, then creates, reads, updates and deletes customers, KYC records, meetings, ' +
      'messages, accounts, transaction and counterparty metadata, consumers, scopes and entitlements, in this order. Run the ' +
      'whole collection (Run collection, or `newman run`) with the OBP environment; the user needs CanCreateBank and ' +
      'CanCreateEntitlementAtAnyBank and must own an account with transactions (an OBP sandbox import provides one). ' +
      'Generated by `npm run postman` from the served OpenAPI document and scripts/postman-flow.js.',
  };
  // Statuses are checked per request (some answers here are expected errors), so the collection
  // test only forgets a token the server refused.
  const event = collection.event.map((event) =>
    event.listen === 'test' ? script('test', "if (pm.response.code === 401) pm.collectionVariables.unset('token');") : event,
  );
  return { steps: item.length, missing: [], collection: { ...collection, info, item, event } };
}

module.exports = { flowCollection, FLOW };
