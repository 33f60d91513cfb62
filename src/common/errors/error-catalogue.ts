// OBP error catalogue: code, HTTP status and text of every OBP error this server can answer with.
// Transcribed from ../shared/spec/errors.json (OBP-API ErrorMessages.scala). The status is the one
// OBP's call sites use; where OBP leaves it to the call site the default failCode (400) applies.
// Deviations (see docs/COMPATIBILITY.md): OBP-50000 is answered as 500 for unexpected failures (OBP
// would use OBP-50015); OBP-10060/OBP-10061 (content type, body size), OBP-10062/OBP-10063 (headers too
// large, unparseable HTTP: answered before any route), OBP-20090 (duplicate username), OBP-20091 (username rule; OBP answers free text), OBP-20095 (a refused OAuth 1.0a signed call, with OBP's text after it)
// OBP-30090 (credit limit request not found), OBP-30091..30093 (KYC references, customer number
// mismatch), OBP-30094 (sandbox import refusal, naming the offending item), OBP-30095 (custom view id taken) and OBP-30096 (comment, tag, image, where tag or location not found) are this server's own codes, in ranges OBP leaves
// unused, for failures OBP has no code for. Keep codes unique: a test fails otherwise.

export interface ObpErrorDefinition {
  /** "OBP-xxxxx" */
  readonly code: string;
  /** HTTP status answered with this error */
  readonly status: number;
  /** The text after "OBP-xxxxx: " */
  readonly text: string;
}

export const ObpErrors = {
  ServerAddDataError: { code: 'OBP-00004', status: 400, text: 'Server error: could not add message' },
  PublicViewsNotAllowedOnThisInstance: {
    code: 'OBP-00005',
    status: 400,
    text: 'Public views not allowed on this instance. Please set allow_public_views = true in props files. ',
  },
  ApiVersionNotSupported: {
    code: 'OBP-00008',
    status: 400,
    text: 'The API version you called is not enabled on this server. Please contact your API administrator or use another version.',
  },
  AccountFirehoseNotAllowedOnThisInstance: {
    code: 'OBP-00009',
    status: 400,
    text: 'Account firehose is not allowed on this instance. Please set allow_account_firehose = true in props files. ',
  },
  CustomerFirehoseNotAllowedOnThisInstance: {
    code: 'OBP-00012',
    status: 400,
    text: 'Customer firehose is not allowed on this instance. Please set allow_customer_firehose = true in props files. ',
  },
  requestTimeout: {
    code: 'OBP-01000',
    status: 408,
    text: 'Request Timeout. The OBP API decided to return a timeout. This is probably because a backend service did not respond in time. ',
  },
  InvalidJsonFormat: { code: 'OBP-10001', status: 400, text: 'Incorrect json format.' },
  IncorrectRoleName: { code: 'OBP-10007', status: 400, text: 'Incorrect Role name:' },
  InvalidFilterParameterFormat: { code: 'OBP-10016', status: 400, text: 'Incorrect filter Parameters in URL. ' },
  InvalidUrl: { code: 'OBP-10017', status: 400, text: 'Incorrect URL Format. ' },
  TooManyRequests: { code: 'OBP-10018', status: 429, text: 'Too Many Requests.' },
  InvalidJsonContent: { code: 'OBP-10020', status: 400, text: 'Incorrect json.' },
  FilterSortDirectionError: { code: 'OBP-10023', status: 400, text: 'obp_sort_direction parameter can only take two values: DESC or ASC!' },
  FilterOffersetError: { code: 'OBP-10024', status: 400, text: 'wrong value for obp_offset parameter. Please send a positive integer (=>0)!' },
  FilterLimitError: { code: 'OBP-10025', status: 400, text: 'wrong value for obp_limit parameter. Please send a positive integer (=>1)!' },
  FilterDateFormatError: { code: 'OBP-10026', status: 400, text: "Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!" },
  InvalidJsonValue: { code: 'OBP-10035', status: 400, text: 'Incorrect json value.' },
  InvalidUri: {
    code: 'OBP-10404',
    status: 404,
    text: '404 Not Found. The server could not find the requested URI. Please double check your URL, headers and body. Note: When you are making a POST or PUT request, the Content-Type header MUST be `application/json`. Note: OBP only supports JSON formatted bodies.',
  },
  UserNotLoggedIn: { code: 'OBP-20001', status: 401, text: 'User not logged in. Authentication is required!' },
  DirectLoginMissingParameters: { code: 'OBP-20002', status: 400, text: 'These DirectLogin parameters are missing:' },
  DirectLoginInvalidToken: { code: 'OBP-20003', status: 401, text: 'This DirectLogin token is invalid or expired:' },
  InvalidLoginCredentials: { code: 'OBP-20004', status: 401, text: 'Invalid login credentials. Check username/password.' },
  UserNotFoundById: { code: 'OBP-20005', status: 400, text: 'User not found. Please specify a valid value for USER_ID.' },
  UserHasMissingRoles: { code: 'OBP-20006', status: 403, text: 'User is missing one or more roles: ' },
  UserNotFoundByEmail: { code: 'OBP-20007', status: 400, text: 'User not found by email.' },
  InvalidConsumerKey: { code: 'OBP-20008', status: 401, text: 'Invalid Consumer Key.' },
  InvalidConsumerCredentials: { code: 'OBP-20009', status: 400, text: 'Invalid consumer credentials' },
  InvalidDirectLoginParameters: { code: 'OBP-20012', status: 400, text: 'Invalid direct login parameters' },
  UsernameHasBeenLocked: { code: 'OBP-20013', status: 401, text: 'The account has been locked, please contact an administrator!' },
  InvalidConsumerId: { code: 'OBP-20014', status: 400, text: 'Invalid Consumer ID. Please specify a valid value for CONSUMER_ID.' },
  UserNoPermissionUpdateConsumer: {
    code: 'OBP-20015',
    status: 400,
    text: 'Only the developer that created the consumer key should be able to edit it, please login with the right user.',
  },
  UserNoPermissionAccessView: {
    code: 'OBP-20017',
    status: 403,
    text: 'Current user does not have access to the view. Please specify a valid value for VIEW_ID.',
  },
  ViewDoesNotPermitAccess: { code: 'OBP-20022', status: 400, text: 'View does not permit the access.' },
  ConsumerNotFoundById: { code: 'OBP-20024', status: 400, text: 'Consumer not found. Please specify a valid value for CONSUMER_ID.' },
  ScopeNotFound: { code: 'OBP-20025', status: 400, text: 'Scope not found. Please specify a valid value for SCOPE_ID.' },
  UserNotFoundByProviderAndUsername: { code: 'OBP-20027', status: 404, text: 'User not found by provider and username.' },
  UserNotFoundByUserId: { code: 'OBP-20057', status: 404, text: 'User not found by userId.' },
  UserIsDeleted: { code: 'OBP-20064', status: 401, text: 'The user is deleted!' },
  InvalidAuthorizationHeader: { code: 'OBP-20080', status: 401, text: 'Authorization Header format is not supported at this instance.' },
  MissingDirectLoginHeader: { code: 'OBP-20082', status: 400, text: 'Missing DirectLogin or Authorization header.' },
  InvalidDirectLoginHeader: { code: 'OBP-20083', status: 400, text: 'Missing DirectLogin word at the value of Authorization header.' },
  UserNotFoundByToken: { code: 'OBP-20106', status: 404, text: 'User not found by token. The validation token is invalid or expired.' },
  UserAlreadyValidated: { code: 'OBP-20107', status: 400, text: 'User email is already validated.' },
  Oauth2BadJWTException: { code: 'OBP-20204', status: 400, text: 'Bad JWT error. ' },
  X509GeneralError: { code: 'OBP-20300', status: 400, text: 'PEM Encoded Certificate issue.' },
  BankNotFound: { code: 'OBP-30001', status: 404, text: 'Bank not found. Please specify a valid value for BANK_ID.' },
  CustomerNotFound: { code: 'OBP-30002', status: 404, text: 'Customer not found. Please specify a valid value for CUSTOMER_NUMBER.' },
  ViewNotFound: { code: 'OBP-30005', status: 400, text: 'View not found for Account. Please specify a valid value for VIEW_ID' },
  CustomerNumberAlreadyExists: {
    code: 'OBP-30006',
    status: 400,
    text: 'Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER.',
  },
  CustomerAlreadyExistsForUser: { code: 'OBP-30007', status: 400, text: 'The User is already linked to a Customer at the bank specified by BANK_ID' },
  AtmNotFoundByAtmId: { code: 'OBP-30009', status: 404, text: 'ATM not found. Please specify a valid value for ATM_ID.' },
  BranchNotFoundByBranchId: {
    code: 'OBP-300010',
    status: 400,
    text: 'Branch not found. Please specify a valid value for BRANCH_ID. Or License may not be set. meta.license.id and meta.license.name can not be empty',
  },
  ProductNotFoundByProductCode: { code: 'OBP-30011', status: 404, text: 'Product not found. Please specify a valid value for PRODUCT_CODE.' },
  UserCustomerLinksNotFoundForUser: { code: 'OBP-30008', status: 400, text: 'User Customer Link not found by USER_ID' },
  CounterpartyNotFoundByCounterpartyId: { code: 'OBP-30017', status: 400, text: 'Counterparty not found. Please specify a valid value for COUNTERPARTY_ID.' },
  BankAccountNotFound: { code: 'OBP-30018', status: 404, text: 'Bank Account not found. Please specify valid values for BANK_ID and ACCOUNT_ID. ' },
  ConsumerNotFoundByConsumerId: { code: 'OBP-30019', status: 404, text: 'Consumer not found. Please specify a valid value for CONSUMER_ID.' },
  NoViewPermission: { code: 'OBP-30022', status: 400, text: 'The current view does not have the permission:' },
  UpdateConsumerError: { code: 'OBP-30023', status: 400, text: 'Cannot update Consumer ' },
  CreateConsumerError: { code: 'OBP-30024', status: 400, text: 'Could not create Consumer ' },
  CreateUserCustomerLinksError: { code: 'OBP-30025', status: 400, text: 'Could not create user_customer_links ' },
  UserCustomerLinkNotFound: { code: 'OBP-30035', status: 400, text: 'User Customer Link not found' },
  CustomerNotFoundByCustomerId: { code: 'OBP-30046', status: 404, text: 'Customer not found. Please specify a valid value for CUSTOMER_ID.' },
  CreateCustomerError: { code: 'OBP-30051', status: 400, text: 'Cannot create Customer' },
  UpdateCustomerError: { code: 'OBP-30058', status: 400, text: 'Cannot update the Customer' },
  TransactionNotFound: { code: 'OBP-30067', status: 400, text: 'Transaction not found. Please specify a valid value for TRANSACTION_ID.' },
  CustomerAttributeNotFound: { code: 'OBP-30069', status: 400, text: 'Customer Attribute not found. Please specify a valid value for CUSTOMER_ATTRIBUTE_ID.' },
  MeetingNotFound: { code: 'OBP-30104', status: 400, text: 'Meeting not found.' },
  InvalidBankIdFormat: {
    code: 'OBP-30111',
    status: 400,
    text: "Invalid Bank Id. The BANK_ID should only contain 0-9/a-z/A-Z/'-'/'.'/'_', the length should be smaller than 255.",
  },
  InvalidCustomerBankId: { code: 'OBP-30113', status: 400, text: 'Invalid Bank Id. The Customer does not belong to this Bank' },
  EntitlementIsBankRole: { code: 'OBP-30205', status: 400, text: 'This entitlement is a Bank Role. Please set bank_id to a valid bank id.' },
  EntitlementIsSystemRole: { code: 'OBP-30206', status: 400, text: 'This entitlement is a System Role. Please set bank_id to empty string.' },
  InvalidStrongPasswordFormat: {
    code: 'OBP-30207',
    status: 400,
    text: 'Invalid Password Format. Your password should EITHER be at least 10 characters long and contain mixed numbers and both upper and lower case letters and at least one special character, OR the length should be > 16 and <= 512.',
  },
  EntitlementNotFound: { code: 'OBP-30212', status: 400, text: 'EntitlementId not found' },
  EntitlementAlreadyExists: { code: 'OBP-30216', status: 400, text: 'Entitlement already exists for the user.' },
  RegulatedEntityNotFoundByCertificate: { code: 'OBP-34102', status: 400, text: 'Regulated Entity cannot be found by provided certificate.' },
  PostJsonIsNotSigned: { code: 'OBP-34110', status: 400, text: 'JWT at the post json cannot be verified.' },
  CannotCreateUserInvitation: { code: 'OBP-37081', status: 400, text: 'Cannot create user invitation.' },
  CannotGetUserInvitation: { code: 'OBP-37882', status: 404, text: 'Cannot get user invitation.' },
  CannotFindUserInvitation: { code: 'OBP-37883', status: 404, text: 'Cannot find user invitation.' },
  UnknownError: { code: 'OBP-50000', status: 500, text: 'Unknown Error.' },
  AnUnspecifiedOrInternalErrorOccurred: { code: 'OBP-50005', status: 400, text: 'An unspecified or internal error occurred.' },
  ScalaEmptyBoxToLiftweb: { code: 'OBP-50010', status: 400, text: 'Scala return Empty box to Liftweb.' },
  InternalServerError: {
    code: 'OBP-50015',
    status: 500,
    text: 'The server encountered an unexpected condition which prevented it from fulfilling the request.',
  },
  DatabaseConnectionClosedError: { code: 'OBP-50019', status: 500, text: 'Cannot connect to the OBP database.' },
  InvalidConnectorResponse: { code: 'OBP-50200', status: 400, text: 'Connector cannot return the data we requested.' },
  InvalidApiVersionString: { code: 'OBP-00027', status: 400, text: 'Invalid API Version string. We could not find the version specified.' },
  InvalidLocale: { code: 'OBP-10041', status: 400, text: 'This locale is not supported. Only the following can be used: en_GB , es_ES.' },
  InvalidContentParameter: { code: 'OBP-10052', status: 400, text: 'Invalid content parameter. Valid values are: static, dynamic, all' },
  InvalidTagsParameter: { code: 'OBP-10053', status: 400, text: 'Invalid tags parameter. Tags cannot be empty when provided' },
  InvalidFunctionsParameter: { code: 'OBP-10054', status: 400, text: 'Invalid functions parameter. Functions cannot be empty when provided' },
  UnsupportedContentType: { code: 'OBP-10060', status: 415, text: 'Unsupported Content-Type. Request bodies must be sent as application/json.' },
  RequestBodyTooLarge: { code: 'OBP-10061', status: 413, text: 'Request body too large.' },
  RequestHeadersTooLarge: { code: 'OBP-10062', status: 431, text: 'Request headers too large.' },
  MalformedHttpRequest: { code: 'OBP-10063', status: 400, text: 'Malformed HTTP request.' },
  InvalidValueLength: { code: 'OBP-20010', status: 400, text: 'Value too long' },
  InvalidValueCharacters: { code: 'OBP-20011', status: 400, text: 'Value contains invalid characters' },
  ConsumerKeyIsInvalid: { code: 'OBP-35030', status: 400, text: 'The Consumer Key must be alphanumeric. (A-Z, a-z, 0-9)' },
  ConsumerKeyIsToLong: { code: 'OBP-35031', status: 400, text: 'The Consumer Key max length <= 512' },
  OAuth1RequestRefused: { code: 'OBP-20095', status: 401, text: 'OAuth 1.0a request refused: ' },
  Oauth2JwtCannotBeVerified: { code: 'OBP-20202', status: 401, text: "OAuth2's Access Token cannot be verified." },
  UserNotSuperAdmin: { code: 'OBP-20050', status: 403, text: 'Current User is not a Super Admin!' },
  UsernameAlreadyExists: { code: 'OBP-20090', status: 409, text: 'User with the same username already exists.' },
  InvalidUsername: {
    code: 'OBP-20091',
    status: 400,
    text: 'Invalid Username. Use an e-mail address, or 8 to 100 of A-Z a-z 0-9 . _ that neither start nor end with . or _ and never have two of them in a row.',
  },
  CreditLimitRequestNotFound: { code: 'OBP-30090', status: 404, text: 'Credit limit request not found. Please specify a valid value for REQUEST_ID.' },
  UserDoesNotHaveEntitlement: { code: 'OBP-30213', status: 400, text: 'USER_ID does not have the ENTITLEMENT_ID.' },
  AttributeNotFound: { code: 'OBP-30071', status: 400, text: 'Attribute Definition not found. Please specify a valid value for ATTRIBUTE_DEFINITION_ID.' },
  // -- entitlements errors (insert above this line) --
  BankIdAlreadyExists: { code: 'OBP-34000', status: 400, text: 'Bank Id already exists. Please specify a different value.' },
  TaxResidenceNotFound: { code: 'OBP-30300', status: 404, text: 'Tax Residence not found by TAX_RESIDENCE_ID. ' },
  CustomerAddressNotFound: { code: 'OBP-30310', status: 404, text: "Customer's Address not found by CUSTOMER_ADDRESS_ID. " },
  KycDocumentNotFound: {
    code: 'OBP-30091',
    status: 404,
    text: 'KYC document not found for this customer. Please specify a valid value for relates_to_kyc_document_id.',
  },
  KycCheckNotFound: {
    code: 'OBP-30092',
    status: 404,
    text: 'KYC check not found for this customer. Please specify a valid value for relates_to_kyc_check_id.',
  },
  KycCustomerNumberMismatch: { code: 'OBP-30093', status: 400, text: 'customer_number does not match the customer of CUSTOMER_ID.' },
  DataImportDisabled: { code: 'OBP-00002', status: 403, text: 'Data import is disabled for this API instance.' },
  InvalidISOCurrencyCode: { code: 'OBP-10003', status: 400, text: 'Invalid Currency Value. It should be three letters ISO Currency Code. ' },
  InvalidUserId: { code: 'OBP-30107', status: 400, text: 'Invalid User Id.' },
  InitialBalanceMustBeZero: { code: 'OBP-30109', status: 400, text: 'Initial Balance of Account must be Zero (0).' },
  InvalidAccountIdFormat: {
    code: 'OBP-30110',
    status: 400,
    text: "Invalid Account Id. The ACCOUNT_ID should only contain 0-9/a-z/A-Z/'-'/'.'/'_', the length should be smaller than 255.",
  },
  InvalidAccountInitialBalance: { code: 'OBP-30112', status: 400, text: 'Invalid Number. Initial balance must be a number, e.g 1000.00' },
  AccountRoutingsDuplicated: {
    code: 'OBP-30114',
    status: 400,
    text: 'Invalid Account Routings. Duplication detected in account routings, please specify only one value per routing scheme',
  },
  AccountRoutingAlreadyExist: { code: 'OBP-30115', status: 400, text: 'Account Routing already exist.' },
  AccountIdAlreadyExists: { code: 'OBP-30208', status: 400, text: 'Account_ID already exists at the Bank.' },
  CannotGrantAccessToView: {
    code: 'OBP-20047',
    status: 403,
    text: 'The current user does not have access to a view which lists the target view in can_grant_access_to_views.',
  },
  CannotRevokeAccessToView: {
    code: 'OBP-20048',
    status: 403,
    text: 'The current user does not have access to a view which lists the target view in can_revoke_access_to_views.',
  },
  ViewAlreadyExists: { code: 'OBP-30095', status: 400, text: 'A view with this id already exists on the account.' },
  MetadataItemNotFound: { code: 'OBP-30096', status: 400, text: 'Metadata not found for this transaction or counterparty and view.' },
  SandboxDataImportRefused: { code: 'OBP-30094', status: 400, text: 'Cannot import the sandbox data:' },
  // -- banks errors (insert above this line) --
  // -- bootstrap errors (insert above this line) --
  // API collections, connectors and operation ids: not in errors.json; codes and texts from OBP-API ErrorMessages.scala.
  ApiCollectionNotFound: { code: 'OBP-30079', status: 400, text: 'ApiCollection not found.' },
  CreateApiCollectionError: { code: 'OBP-30080', status: 400, text: 'Could not create ApiCollection.' },
  DeleteApiCollectionError: { code: 'OBP-30081', status: 400, text: 'Could not delete ApiCollection.' },
  ApiCollectionEndpointNotFound: { code: 'OBP-30082', status: 400, text: 'ApiCollectionEndpoint not found.' },
  CreateApiCollectionEndpointError: { code: 'OBP-30083', status: 400, text: 'Could not create ApiCollectionEndpoint.' },
  DeleteApiCollectionEndpointError: { code: 'OBP-30084', status: 400, text: 'Could not delete ApiCollectionEndpoint.' },
  ApiCollectionEndpointAlreadyExists: { code: 'OBP-30085', status: 400, text: 'The ApiCollectionEndpoint is already exists.' },
  ApiCollectionAlreadyExists: { code: 'OBP-30086', status: 400, text: 'The ApiCollection is already exists.' },
  // OBP's own code, with a letter in it (ErrorMessages.UpdateApiCollectionError); clients match it as is.
  UpdateApiCollectionError: { code: 'OBP-3008A', status: 400, text: 'Could not update ApiCollection.' },
  InvalidConnector: { code: 'OBP-30211', status: 400, text: 'Invalid Connector. Please specify a valid value for CONNECTOR.' },
  InvalidOperationId: { code: 'OBP-40048', status: 400, text: 'Invalid operation_id, please specify valid operation_id.' },
  // -- api collections errors (insert above this line) --
} as const satisfies Record<string, ObpErrorDefinition>;

export type ObpErrorName = keyof typeof ObpErrors;
