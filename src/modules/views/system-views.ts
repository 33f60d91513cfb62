import { ALL_VIEW_FLAGS, type ViewFlag } from './view-permissions';

/** A view as the rest of the code sees it, whether system (code) or custom (custom_views row). */
export interface ViewDefinition {
  viewId: string;
  name: string;
  description: string;
  /** The view transaction metadata is stored under (views.md §5). */
  metadataView: string;
  isSystem: boolean;
  isPublic: boolean;
  isFirehose: boolean;
  whichAliasToUse: '' | 'public' | 'private';
  hideMetadataIfAliasUsed: boolean;
  permissions: ReadonlySet<ViewFlag>;
  canGrantAccessToViews: readonly string[];
  canRevokeAccessToViews: readonly string[];
}

export const UK_VIEW_IDS = [
  'ReadAccountsBasic',
  'ReadAccountsDetail',
  'ReadBalances',
  'ReadTransactionsBasic',
  'ReadTransactionsDebits',
  'ReadTransactionsDetail',
] as const;
export const BERLIN_GROUP_VIEW_IDS = [
  'ReadAccountsBerlinGroup',
  'ReadBalancesBerlinGroup',
  'ReadTransactionsBerlinGroup',
  'InitiatePaymentsBerlinGroup',
] as const;
export const SYSTEM_VIEW_IDS = [
  'owner',
  'auditor',
  'accountant',
  'firehose',
  'standard',
  'StageOne',
  'ManageCustomViews',
  ...UK_VIEW_IDS,
  ...BERLIN_GROUP_VIEW_IDS,
] as const;

/** Flags the base template leaves off; only some views add them back. */
const OWNER_EXTRAS: ViewFlag[] = [
  'can_see_available_views_for_bank_account',
  'can_see_transaction_requests',
  'can_see_transaction_request_types',
  'can_update_bank_account_label',
  'can_see_views_with_permissions_for_one_user',
  'can_see_views_with_permissions_for_all_users',
];
const CUSTOM_VIEW_ADMIN: ViewFlag[] = [
  'can_create_custom_view',
  'can_update_custom_view',
  'can_delete_custom_view',
  'can_get_custom_view',
  'can_grant_access_to_custom_views',
  'can_revoke_access_to_custom_views',
];
/** The base template: every flag except the owner extras and the custom-view admin flags (views.md §2). */
const BASE_FLAGS: ViewFlag[] = ALL_VIEW_FLAGS.filter((flag) => !OWNER_EXTRAS.includes(flag) && !CUSTOM_VIEW_ADMIN.includes(flag));

/** The Berlin Group views start from an empty template; these are the reads each one needs. */
const BERLIN_GROUP_FLAGS: Record<(typeof BERLIN_GROUP_VIEW_IDS)[number], ViewFlag[]> = {
  ReadAccountsBerlinGroup: [
    'can_see_bank_account_label',
    'can_see_bank_account_currency',
    'can_see_bank_account_iban',
    'can_see_bank_account_number',
    'can_see_bank_account_type',
    'can_see_bank_account_owners',
    'can_see_bank_account_routing_scheme',
    'can_see_bank_account_routing_address',
  ],
  ReadBalancesBerlinGroup: ['can_see_bank_account_balance', 'can_see_bank_account_currency'],
  ReadTransactionsBerlinGroup: [
    'can_see_transaction_this_bank_account',
    'can_see_transaction_other_bank_account',
    'can_see_transaction_amount',
    'can_see_transaction_currency',
    'can_see_transaction_balance',
    'can_see_transaction_description',
    'can_see_transaction_start_date',
    'can_see_transaction_finish_date',
    'can_see_transaction_type',
  ],
  InitiatePaymentsBerlinGroup: ['can_add_transaction_request_to_any_account', 'can_add_transaction_request_to_own_account'],
};

function systemView(viewId: string, description: string, permissions: ViewFlag[], overrides: Partial<ViewDefinition> = {}): ViewDefinition {
  return {
    viewId,
    name: viewId,
    description,
    metadataView: viewId,
    isSystem: true,
    isPublic: false,
    isFirehose: false,
    whichAliasToUse: '',
    hideMetadataIfAliasUsed: false,
    permissions: new Set(permissions),
    canGrantAccessToViews: [],
    canRevokeAccessToViews: [],
    ...overrides,
  };
}

const GRANT_ALL_SYSTEM_VIEWS = { canGrantAccessToViews: SYSTEM_VIEW_IDS, canRevokeAccessToViews: SYSTEM_VIEW_IDS };

const DEFINITIONS: ViewDefinition[] = [
  systemView('owner', 'This view is for the owner for the account.', [...BASE_FLAGS, ...OWNER_EXTRAS], GRANT_ALL_SYSTEM_VIEWS),
  systemView('auditor', 'This is the auditor view.', BASE_FLAGS),
  systemView('accountant', 'This is the accountant view.', BASE_FLAGS),
  systemView('firehose', 'This is the firehose view.', BASE_FLAGS, { isFirehose: true }),
  systemView('standard', 'This is the standard view.', [...BASE_FLAGS, ...OWNER_EXTRAS], GRANT_ALL_SYSTEM_VIEWS),
  systemView(
    'StageOne',
    'This is the StageOne view.',
    BASE_FLAGS.filter((flag) => flag !== 'can_see_transaction_description'),
  ),
  systemView('ManageCustomViews', 'This view can manage custom views.', [...BASE_FLAGS, ...CUSTOM_VIEW_ADMIN]),
  ...UK_VIEW_IDS.map((viewId) => systemView(viewId, `UK Open Banking view ${viewId}.`, BASE_FLAGS)),
  ...BERLIN_GROUP_VIEW_IDS.map((viewId) => systemView(viewId, `Berlin Group view ${viewId}.`, BERLIN_GROUP_FLAGS[viewId])),
];

const BY_ID = new Map(DEFINITIONS.map((view) => [view.viewId, view]));

export function systemViewById(viewId: string): ViewDefinition | undefined {
  return BY_ID.get(viewId);
}

export function allSystemViews(): readonly ViewDefinition[] {
  return DEFINITIONS;
}

/** System view ids never start with "_"; custom view ids always do. */
export function isCustomViewId(viewId: string): boolean {
  return viewId.startsWith('_');
}

/** The views the sandbox import grants each account owner (sandbox_import.md §5). */
export function importGrantedViewIds(firehoseAllowed: boolean): string[] {
  return ['owner', 'auditor', 'accountant', ...(firehoseAllowed ? ['firehose'] : []), ...UK_VIEW_IDS, ...BERLIN_GROUP_VIEW_IDS];
}

/** The views an account creator is granted on a new account (the mapped connector's viewsToGenerate). */
export const NEW_ACCOUNT_VIEW_IDS = [
  'owner',
  'ManageCustomViews',
  'ReadAccountsBerlinGroup',
  'ReadBalancesBerlinGroup',
  'ReadTransactionsBerlinGroup',
] as const;

/** The custom `_public` view, created per account when public views are allowed (views.md §2). */
export function publicViewPermissions(): ViewFlag[] {
  const off = new Set<ViewFlag>([
    'can_see_transaction_description',
    'can_see_bank_account_swift_bic',
    'can_see_other_account_swift_bic',
    'can_delete_comment',
    'can_delete_tag',
    'can_delete_image',
    'can_delete_where_tag',
    'can_delete_corporate_location',
    'can_delete_physical_location',
    'can_delete_counterparty',
    'can_add_transaction_request_to_own_account',
    'can_add_transaction_request_to_any_account',
    'can_add_transaction_request_to_beneficiary',
    'can_create_direct_debit',
    'can_create_standing_order',
    'can_update_bank_account_label',
    ...OWNER_EXTRAS,
    ...CUSTOM_VIEW_ADMIN,
  ]);
  return ALL_VIEW_FLAGS.filter((flag) => !off.has(flag));
}
