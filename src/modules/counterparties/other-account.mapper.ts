import { shown } from '../accounts/accounts.mapper';
import type { ViewDefinition } from '../views/system-views';
import type { CounterpartyLocationEntity } from '../counterparty-metadata/entities/counterparty-location.entity';
import { locationJson } from '../transaction-metadata/metadata-json';
import type { CounterpartyMetadataEntity } from './entities/counterparty-metadata.entity';

type Json = Record<string, unknown>;

/** A counterparty as the moderation sees it: implicit (from transactions) or explicit. */
export interface OtherAccountBase {
  counterpartyId: string;
  name: string;
  accountNumber: string;
  routingScheme: string;
  routingAddress: string;
}

export interface OtherAccount extends OtherAccountBase {
  metadata: CounterpartyMetadataEntity | undefined;
  corporateLocation?: CounterpartyLocationEntity;
  physicalLocation?: CounterpartyLocationEntity;
}

function orNull(value: string | undefined): string | null {
  return value ? value : null;
}

/** The holder label: the alias the view asks for when there is one, else the real name. */
export function holderLabel(view: ViewDefinition, other: OtherAccount): { name: string; is_alias: boolean } {
  const alias = view.whichAliasToUse === 'public' ? other.metadata?.publicAlias : view.whichAliasToUse === 'private' ? other.metadata?.privateAlias : '';
  return alias ? { name: alias, is_alias: true } : { name: other.name, is_alias: false };
}

/**
 * OtherAccountMetadataJSON through the view: null without can_see_other_account_metadata or when
 * the view hides metadata behind an alias; each field needs its own can_see flag; "" is null.
 */
export function otherAccountMetadataJson(view: ViewDefinition, other: OtherAccount): Json | null {
  if (!view.permissions.has('can_see_other_account_metadata')) return null;
  if (view.hideMetadataIfAliasUsed && holderLabel(view, other).is_alias) return null;
  const metadata = other.metadata;
  return {
    public_alias: shown(view, 'can_see_public_alias', orNull(metadata?.publicAlias)),
    private_alias: shown(view, 'can_see_private_alias', orNull(metadata?.privateAlias)),
    more_info: shown(view, 'can_see_more_info', orNull(metadata?.moreInfo)),
    URL: shown(view, 'can_see_url', orNull(metadata?.url)),
    image_URL: shown(view, 'can_see_image_url', orNull(metadata?.imageUrl)),
    open_corporates_URL: shown(view, 'can_see_open_corporates_url', orNull(metadata?.openCorporatesUrl)),
    corporate_location: shown(view, 'can_see_corporate_location', locationJson(other.corporateLocation)),
    physical_location: shown(view, 'can_see_physical_location', locationJson(other.physicalLocation)),
  };
}

/** OtherAccountJSON (v1.2.1). */
export function toOtherAccountJsonV121(view: ViewDefinition, other: OtherAccount): Json {
  return {
    id: other.counterpartyId,
    holder: holderLabel(view, other),
    number: shown(view, 'can_see_other_account_number', orNull(other.accountNumber)),
    kind: null,
    IBAN: shown(view, 'can_see_other_account_iban', other.routingScheme === 'IBAN' ? orNull(other.routingAddress) : null),
    swift_bic: null,
    bank: { national_identifier: null, name: null },
    metadata: otherAccountMetadataJson(view, other),
  };
}

/** OtherAccountJsonV300 (v3.0.0 on). */
export function toOtherAccountJsonV300(view: ViewDefinition, other: OtherAccount): Json {
  const routingVisible = view.permissions.has('can_see_other_account_routing_scheme') && view.permissions.has('can_see_other_account_routing_address');
  return {
    id: other.counterpartyId,
    holder: holderLabel(view, other),
    bank_routing: { scheme: '', address: '' },
    account_routings: routingVisible && other.routingScheme ? [{ scheme: other.routingScheme, address: other.routingAddress }] : [],
    metadata: otherAccountMetadataJson(view, other),
  };
}
