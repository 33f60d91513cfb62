import { VIEW_JSON_V121_FLAGS, VIEW_JSON_V300_EXTRA_FLAGS } from './view-permissions';
import type { ViewDefinition } from './system-views';

type Json = Record<string, unknown>;

function flags(view: ViewDefinition, names: readonly string[]): Json {
  return Object.fromEntries(names.map((name) => [name, view.permissions.has(name as never)]));
}

/** ViewJSONV121 (v1.2.1 - v2.1.0). */
export function toViewJsonV121(view: ViewDefinition): Json {
  return {
    id: view.viewId,
    short_name: view.name,
    description: view.description,
    is_public: view.isPublic,
    alias: view.whichAliasToUse,
    hide_metadata_if_alias_used: view.hideMetadataIfAliasUsed,
    ...flags(view, VIEW_JSON_V121_FLAGS),
  };
}

/** ViewJSONV220 adds can_add_counterparty. */
export function toViewJsonV220(view: ViewDefinition): Json {
  return { ...toViewJsonV121(view), can_add_counterparty: view.permissions.has('can_add_counterparty') };
}

/** ViewJsonV300 (v3.0.0 - v4.0.0): metadata_view, is_system and the routing / request flags. */
export function toViewJsonV300(view: ViewDefinition): Json {
  return {
    id: view.viewId,
    short_name: view.name,
    description: view.description,
    metadata_view: view.metadataView,
    is_public: view.isPublic,
    is_system: view.isSystem,
    alias: view.whichAliasToUse,
    hide_metadata_if_alias_used: view.hideMetadataIfAliasUsed,
    ...flags(view, VIEW_JSON_V121_FLAGS),
    ...flags(view, VIEW_JSON_V300_EXTRA_FLAGS),
  };
}

/** ViewJsonV500 (v5.0.0 on) adds the grant / revoke lists. */
export function toViewJsonV500(view: ViewDefinition): Json {
  const { hide_metadata_if_alias_used, ...rest } = toViewJsonV300(view);
  const [head, tail] = [Object.entries(rest).slice(0, 7), Object.entries(rest).slice(7)];
  return {
    ...Object.fromEntries(head),
    hide_metadata_if_alias_used,
    can_grant_access_to_views: [...view.canGrantAccessToViews],
    can_revoke_access_to_views: [...view.canRevokeAccessToViews],
    ...Object.fromEntries(tail),
  };
}

/** The short form in account lists: {id, short_name, description, is_public}. */
export function toViewBasicJson(view: ViewDefinition, withDescription = true): Json {
  return withDescription
    ? { id: view.viewId, short_name: view.name, description: view.description, is_public: view.isPublic }
    : { id: view.viewId, short_name: view.name, is_public: view.isPublic };
}
