/**
 * What each OBP tag groups, shown above its group in Swagger UI and on its Postman folder. An
 * operation is filed under the first tag of its @ObpEndpoint; a new first tag needs a line here
 * (test/e2e/docs.e2e-spec.ts checks that every tag in use has one).
 */
export const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  API: 'Information about this server: root answers its version, build and who hosts it.',
  Account: 'Bank accounts: create, read and update them, list the accounts a user can see, and read an account through one of its views.',
  'Account-Access': "Who can see an account through which view: grant and revoke a user's access to a view of an account.",
  'Api-Collection': "A user's named lists of endpoints (API collections), private or sharable, and the endpoints in them.",
  Bank: 'Banks hosted on this server: list and read them, and (with CanCreateBank) create one.',
  Consumer:
    'Consumers are the client applications calling the API. Register one to get a consumer key; admins list, enable, disable and limit them (call limits).',
  'Consumer-Call-Limits': 'Per-consumer rate limits: how many calls an application may make per second, minute, hour, day, week and month.',
  ATM: "A bank's cash machines, as loaded by the sandbox import: list them or read one.",
  Branch: "A bank's branches with their addresses and opening hours, as loaded by the sandbox import: list them or read one.",
  Counterparty: 'Counterparties of an account: the other parties its transactions were made with, as a view shows them.',
  'Counterparty-Metadata':
    "Notes an account holder keeps about a counterparty (aliases, more info, URLs, image, locations), each guarded by the view's permissions.",
  Customer:
    'Customers of a bank (people or companies): create and find them, update their details, attributes, addresses, tax residences, ' +
    'social media handles, credit limits, CRM events and the links between customers and users.',
  'Customer-Meeting': 'Meetings between a bank and its customers: arrange one and list or read them.',
  'Customer-Message': 'Messages a bank sends to its customers, and the messages a customer has received.',
  DirectLogin:
    'Log in with username, password and consumer key to get a token; send it as `DirectLogin: token="..."` (Authorize, DirectLogin) on later requests.',
  Directory: 'Directories of what the server offers, such as the list of API versions and connectors.',
  'Dynamic-Registration': 'Applications registering themselves as consumers by presenting a signed request or certificate, without an admin.',
  Documentation: "This documentation in OBP's own forms: resource docs (JSON, per version and tag) and the OpenAPI document of a version.",
  Entitlement: 'Roles granted to users, at one bank or at every bank: grant, list and revoke them.',
  Experimental: 'Endpoints OBP marks as experimental: their shape may still change.',
  FirehoseData: "Bulk reads of a bank's data for back-office systems, switched on per server.",
  KYC: 'Know Your Customer: the checks, identity documents, media and statuses recorded for a customer.',
  Metric: "Figures about the API's use: calls made, by whom and how fast.",
  OAuth: 'OAuth 1.0a and OAuth2 flows: request tokens, authorisation and access tokens.',
  Person: 'Information about the person behind a customer record.',
  Product: 'The products a bank offers (accounts, cards, loans...), as loaded by the sandbox import: list them or read one.',
  'Rate-Limits': 'The call limits in force for a consumer and how much of them has been used.',
  Role: 'Roles and entitlements: the list of roles a user may hold, and granting, listing and revoking them for users at one bank or at every bank.',
  Sandbox: 'Loading a set of test data (banks, users, accounts, transactions) into the server in one request.',
  Scope: 'Scopes limit what a consumer (an application) may do, whatever roles its user holds: add, list and remove them.',
  Transaction: 'The transactions of an account as a view shows them, with paging and date filters.',
  'Transaction-Metadata': 'What an account holder adds to a transaction: narrative, comments, tags, images and where it happened.',
  User: 'Users: sign up, the current user, and finding users by id or by provider and username; admins list and manage them.',
  'User-Invitation': 'Invitations a bank sends to people to become users, and their answers.',
  'View-Custom': 'Views an account holder defines on an account to share chosen fields with other users.',
  'View-System': 'The views every account has (owner, auditor, accountant, public...), defined by the server.',
};

export function describedTags(names: string[]): { name: string; description: string }[] {
  return [...names].sort((a, b) => a.localeCompare(b)).map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? '' }));
}
