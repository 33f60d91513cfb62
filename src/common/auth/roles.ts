// Every OBP role named anywhere in the endpoint catalogue, with whether it is a bank role
// (granted and checked at a BANK_ID) or a system role (bank_id ""). Transcribed from the
// role_details and roles_enforced of ../shared/spec/catalogue*.json (bank/system
// level of enforced-only roles from OBP's ApiRole definitions); a test checks the catalogue is covered.

export interface RoleDefinition {
  readonly requiresBankId: boolean;
}

export const ROLES = {
  CanAddKycCheck: { requiresBankId: true },
  CanAddKycDocument: { requiresBankId: true },
  CanAddKycMedia: { requiresBankId: true },
  CanAddKycStatus: { requiresBankId: true },
  CanAddSocialMediaHandle: { requiresBankId: true },
  CanCreateAccount: { requiresBankId: true },
  CanCreateBank: { requiresBankId: false },
  CanCreateConsumer: { requiresBankId: false },
  CanCreateCustomer: { requiresBankId: true },
  CanCreateCustomerAddress: { requiresBankId: true },
  CanCreateCustomerAtAnyBank: { requiresBankId: false },
  CanCreateCustomerAttributeAtAnyBank: { requiresBankId: false },
  CanCreateCustomerAttributeAtOneBank: { requiresBankId: true },
  CanCreateCustomerAttributeDefinitionAtOneBank: { requiresBankId: true },
  CanCreateCustomerMessage: { requiresBankId: true },
  CanCreateEntitlementAtAnyBank: { requiresBankId: false },
  CanCreateEntitlementAtOneBank: { requiresBankId: true },
  CanCreateSandbox: { requiresBankId: false },
  CanCreateScopeAtAnyBank: { requiresBankId: false },
  CanCreateScopeAtOneBank: { requiresBankId: true },
  CanCreateTaxResidence: { requiresBankId: true },
  CanCreateUserCustomerLink: { requiresBankId: true },
  CanCreateUserCustomerLinkAtAnyBank: { requiresBankId: false },
  CanCreateUserInvitation: { requiresBankId: true },
  // Not in the catalogue (OBP's list/get invitation endpoints are outside it), named as OBP names it.
  CanGetUserInvitation: { requiresBankId: true },
  CanDeleteCustomerAddress: { requiresBankId: true },
  CanDeleteCustomerAttributeAtAnyBank: { requiresBankId: false },
  CanDeleteCustomerAttributeAtOneBank: { requiresBankId: true },
  CanDeleteCustomerAttributeDefinitionAtOneBank: { requiresBankId: true },
  CanDeleteCustomerCascade: { requiresBankId: true },
  CanDeleteEntitlementAtAnyBank: { requiresBankId: false },
  CanDeleteScopeAtAnyBank: { requiresBankId: false },
  CanDeleteTaxResidence: { requiresBankId: true },
  CanDeleteUserCustomerLink: { requiresBankId: true },
  CanDisableConsumers: { requiresBankId: false },
  CanEnableConsumers: { requiresBankId: false },
  CanGetAnyKycChecks: { requiresBankId: false },
  CanGetAnyKycDocuments: { requiresBankId: false },
  CanGetAnyKycMedia: { requiresBankId: false },
  CanGetAnyKycStatuses: { requiresBankId: false },
  CanGetAnyUser: { requiresBankId: false },
  CanGetConsumers: { requiresBankId: false },
  CanGetCorrelatedUsersInfo: { requiresBankId: true },
  CanGetCorrelatedUsersInfoAtAnyBank: { requiresBankId: false },
  CanGetCustomer: { requiresBankId: true },
  CanGetCustomerAddress: { requiresBankId: true },
  CanGetCustomerAttributeAtAnyBank: { requiresBankId: false },
  CanGetCustomerAttributeAtOneBank: { requiresBankId: true },
  CanGetCustomerAttributeDefinitionAtOneBank: { requiresBankId: true },
  CanGetCustomerAttributesAtAnyBank: { requiresBankId: false },
  CanGetCustomerAttributesAtOneBank: { requiresBankId: true },
  CanGetCustomerMessages: { requiresBankId: true },
  CanGetCustomers: { requiresBankId: true },
  CanGetCustomersAtAnyBank: { requiresBankId: false },
  CanGetCustomersMinimal: { requiresBankId: true },
  CanGetCustomersMinimalAtAnyBank: { requiresBankId: false },
  CanGetEntitlementsForAnyBank: { requiresBankId: false },
  CanGetEntitlementsForAnyUserAtAnyBank: { requiresBankId: false },
  CanGetEntitlementsForAnyUserAtOneBank: { requiresBankId: true },
  CanGetEntitlementsForOneBank: { requiresBankId: true },
  CanGetSocialMediaHandles: { requiresBankId: true },
  CanGetSystemView: { requiresBankId: false },
  CanGetTaxResidence: { requiresBankId: true },
  CanGetUserCustomerLink: { requiresBankId: true },
  CanLockUser: { requiresBankId: false },
  CanReadCallLimits: { requiresBankId: false },
  CanReadResourceDoc: { requiresBankId: false },
  CanReadUserLockedStatus: { requiresBankId: false },
  CanSetCallLimits: { requiresBankId: false },
  CanUnlockUser: { requiresBankId: false },
  CanUpdateConsumerRedirectUrl: { requiresBankId: false },
  CanUpdateCustomerAttributeAtAnyBank: { requiresBankId: false },
  CanUpdateCustomerAttributeAtOneBank: { requiresBankId: true },
  CanUpdateCustomerBranch: { requiresBankId: true },
  CanUpdateCustomerCreditLimit: { requiresBankId: true },
  CanUpdateCustomerCreditRatingAndSource: { requiresBankId: true },
  CanUpdateCustomerCreditRatingAndSourceAtAnyBank: { requiresBankId: false },
  CanUpdateCustomerData: { requiresBankId: true },
  CanUpdateCustomerEmail: { requiresBankId: true },
  CanUpdateCustomerIdentity: { requiresBankId: true },
  CanUpdateCustomerMobilePhoneNumber: { requiresBankId: true },
  CanUpdateCustomerNumber: { requiresBankId: true },
  CanUseCustomerFirehoseAtAnyBank: { requiresBankId: false },
  CanUseAccountFirehose: { requiresBankId: true },
  CanUseAccountFirehoseAtAnyBank: { requiresBankId: false },
  // This server's own role (OBP lets any logged-in user read every meeting): staff who may read all
  // meetings of a bank, beyond the ones they created or are invited to. See docs/COMPATIBILITY.md.
  CanGetMeetingsAtOneBank: { requiresBankId: true },
} as const satisfies Record<string, RoleDefinition>;

export type RoleName = keyof typeof ROLES;

export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

export const BANK_ROLES: ReadonlySet<string> = new Set(ROLE_NAMES.filter((role) => ROLES[role].requiresBankId));

export function isKnownRole(name: string): name is RoleName {
  return Object.prototype.hasOwnProperty.call(ROLES, name);
}
