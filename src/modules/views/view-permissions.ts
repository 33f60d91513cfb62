/**
 * View permission flags (views.md §2-§3). A view is a set of these flags plus alias settings.
 * The names are the snake_case keys of OBP's view JSON.
 */

/** Flags shown in every view JSON (v1.2.1 ViewJSONV121 order). */
export const VIEW_JSON_V121_FLAGS = [
  'can_add_comment',
  'can_add_corporate_location',
  'can_add_image',
  'can_add_image_url',
  'can_add_more_info',
  'can_add_open_corporates_url',
  'can_add_physical_location',
  'can_add_private_alias',
  'can_add_public_alias',
  'can_add_tag',
  'can_add_url',
  'can_add_where_tag',
  'can_delete_comment',
  'can_delete_corporate_location',
  'can_delete_image',
  'can_delete_physical_location',
  'can_delete_tag',
  'can_delete_where_tag',
  'can_edit_owner_comment',
  'can_see_bank_account_balance',
  'can_see_bank_account_bank_name',
  'can_see_bank_account_currency',
  'can_see_bank_account_iban',
  'can_see_bank_account_label',
  'can_see_bank_account_national_identifier',
  'can_see_bank_account_number',
  'can_see_bank_account_owners',
  'can_see_bank_account_swift_bic',
  'can_see_bank_account_type',
  'can_see_comments',
  'can_see_corporate_location',
  'can_see_image_url',
  'can_see_images',
  'can_see_more_info',
  'can_see_open_corporates_url',
  'can_see_other_account_bank_name',
  'can_see_other_account_iban',
  'can_see_other_account_kind',
  'can_see_other_account_metadata',
  'can_see_other_account_national_identifier',
  'can_see_other_account_number',
  'can_see_other_account_swift_bic',
  'can_see_owner_comment',
  'can_see_physical_location',
  'can_see_private_alias',
  'can_see_public_alias',
  'can_see_tags',
  'can_see_transaction_amount',
  'can_see_transaction_balance',
  'can_see_transaction_currency',
  'can_see_transaction_description',
  'can_see_transaction_finish_date',
  'can_see_transaction_metadata',
  'can_see_transaction_other_bank_account',
  'can_see_transaction_start_date',
  'can_see_transaction_this_bank_account',
  'can_see_transaction_type',
  'can_see_url',
  'can_see_where_tag',
] as const;

/** Added by ViewJsonV300 (v3.0.0 on), after the v1.2.1 flags. */
export const VIEW_JSON_V300_EXTRA_FLAGS = [
  'can_add_counterparty',
  'can_query_available_funds',
  'can_see_bank_routing_scheme',
  'can_see_bank_routing_address',
  'can_see_bank_account_routing_scheme',
  'can_see_bank_account_routing_address',
  'can_see_other_bank_routing_scheme',
  'can_see_other_bank_routing_address',
  'can_see_other_account_routing_scheme',
  'can_see_other_account_routing_address',
  'can_add_transaction_request_to_own_account',
  'can_add_transaction_request_to_any_account',
  'can_see_bank_account_credit_limit',
  'can_create_direct_debit',
  'can_create_standing_order',
] as const;

/** Flags no view JSON shows but endpoints check. */
export const HIDDEN_FLAGS = [
  'can_get_counterparty',
  'can_delete_counterparty',
  'can_add_transaction_request_to_beneficiary',
  'can_see_available_views_for_bank_account',
  'can_see_transaction_requests',
  'can_see_transaction_request_types',
  'can_update_bank_account_label',
  'can_see_views_with_permissions_for_one_user',
  'can_see_views_with_permissions_for_all_users',
  'can_create_custom_view',
  'can_update_custom_view',
  'can_delete_custom_view',
  'can_get_custom_view',
  'can_grant_access_to_custom_views',
  'can_revoke_access_to_custom_views',
] as const;

export type ViewFlag = (typeof VIEW_JSON_V121_FLAGS)[number] | (typeof VIEW_JSON_V300_EXTRA_FLAGS)[number] | (typeof HIDDEN_FLAGS)[number];

export const ALL_VIEW_FLAGS: readonly ViewFlag[] = [...VIEW_JSON_V121_FLAGS, ...VIEW_JSON_V300_EXTRA_FLAGS, ...HIDDEN_FLAGS];
const KNOWN_FLAGS = new Set<string>(ALL_VIEW_FLAGS);

/** `allowed_actions` of CreateViewJson spell the narrative flags differently from view JSON. */
const ALLOWED_ACTION_ALIASES: Record<string, ViewFlag> = {
  can_see_narrative: 'can_see_owner_comment',
  can_edit_narrative: 'can_edit_owner_comment',
  can_add_owner_comment: 'can_edit_owner_comment',
};

/** The flags named by a CreateViewJson `allowed_actions` list; unknown names are ignored, as in OBP. */
export function flagsFromAllowedActions(actions: readonly string[]): ViewFlag[] {
  const flags = new Set<ViewFlag>();
  for (const action of actions) {
    const flag = ALLOWED_ACTION_ALIASES[action] ?? action;
    if (KNOWN_FLAGS.has(flag)) flags.add(flag);
  }
  return [...flags];
}
