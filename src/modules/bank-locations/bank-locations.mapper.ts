import type { AtmEntity } from '../sandbox/entities/atm.entity';
import type { BranchEntity } from '../sandbox/entities/branch.entity';
import type { ProductEntity } from '../sandbox/entities/product.entity';
import type { SiteColumns } from '../sandbox/entities/site.columns';

type Json = Record<string, unknown>;

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** The import stores no opening times per day (only a free-text lobby `hours`): OBP then answers empty times. */
const NO_TIMES = { opening_time: '', closing_time: '' };

function addressJsonV300(site: SiteColumns): Json {
  const a = site.address;
  return {
    line_1: a.line_1,
    line_2: a.line_2,
    line_3: a.line_3,
    city: a.city,
    county: a.county ?? '',
    state: a.state,
    postcode: a.post_code,
    country_code: a.country_code,
  };
}

function siteJson(site: SiteColumns): Json {
  return {
    address: addressJsonV300(site),
    location: { latitude: site.latitude ?? 0, longitude: site.longitude ?? 0 },
    meta: { license: { id: site.licenseId, name: site.licenseName } },
  };
}

/** v3.0.0 BranchJsonV300. */
export function toBranchJsonV300(branch: BranchEntity): Json {
  return {
    id: branch.branchId,
    bank_id: branch.bankId,
    name: branch.name,
    ...siteJson(branch),
    lobby: Object.fromEntries(DAYS.map((day) => [day, [NO_TIMES]])),
    drive_up: Object.fromEntries(DAYS.map((day) => [day, NO_TIMES])),
    branch_routing: { scheme: '', address: '' },
    is_accessible: '',
    accessibleFeatures: '',
    branch_type: '',
    more_info: '',
    phone_number: '',
  };
}

/** v3.0.0 AtmJsonV300. */
export function toAtmJsonV300(atm: AtmEntity): Json {
  return {
    id: atm.atmId,
    bank_id: atm.bankId,
    name: atm.name,
    ...siteJson(atm),
    ...Object.fromEntries(DAYS.map((day) => [day, NO_TIMES])),
    is_accessible: '',
    located_at: '',
    more_info: '',
    has_deposit_capability: '',
  };
}

/**
 * v4.0.0 ProductJsonV400. The list leaves out `attributes` and `fees` (OBP's None); one product
 * carries them, empty: the import stores neither.
 */
export function toProductJsonV400(product: ProductEntity, withAttributesAndFees: boolean): Json {
  return {
    bank_id: product.bankId,
    product_code: product.productCode,
    parent_product_code: '',
    name: product.name,
    more_info_url: product.moreInfoUrl,
    terms_and_conditions_url: '',
    description: '',
    meta: { license: { id: product.licenseId, name: product.licenseName } },
    ...(withAttributesAndFees ? { attributes: [], fees: [] } : {}),
  };
}

/** v1.4.0 AddressJsonV140: `country` carries the country code, no county. */
function addressJsonV140(site: SiteColumns): Json {
  const a = site.address;
  return { line_1: a.line_1, line_2: a.line_2, line_3: a.line_3, city: a.city, state: a.state, postcode: a.post_code, country: a.country_code };
}

function siteJsonV140(site: SiteColumns): Json {
  return {
    address: addressJsonV140(site),
    location: { latitude: site.latitude ?? 0, longitude: site.longitude ?? 0 },
    meta: { license: { id: site.licenseId, name: site.licenseName } },
  };
}

/** v1.4.0 BranchJson (also v2.1.0's one branch): the import's free-text lobby and drive-up hours. */
export function toBranchJson(branch: BranchEntity): Json {
  const { address, location, meta } = siteJsonV140(branch);
  return {
    id: branch.branchId,
    name: branch.name,
    address,
    location,
    lobby: { hours: branch.lobbyHours },
    drive_up: { hours: branch.driveUpHours },
    meta,
    branch_routing: { scheme: '', address: '' },
  };
}

/** v1.4.0 AtmJson (also v2.1.0's one ATM). */
export function toAtmJson(atm: AtmEntity): Json {
  return { id: atm.atmId, name: atm.name, ...siteJsonV140(atm) };
}

/** v4.0.0 AtmJsonV400: the v3.0.0 fields plus lists and texts the import does not store (empty). */
export function toAtmJsonV400(atm: AtmEntity): Json {
  return {
    ...toAtmJsonV300(atm),
    supported_languages: [],
    services: [],
    accessibility_features: [],
    supported_currencies: [],
    notes: [],
    location_categories: [],
    minimum_withdrawal: '',
    branch_identification: '',
    site_identification: '',
    site_name: '',
    cash_withdrawal_national_fee: '',
    cash_withdrawal_international_fee: '',
    balance_inquiry_fee: '',
  };
}

/** v5.1.0 AtmJsonV510: AtmJsonV400 plus type, phone and (always empty) attributes, in the list as in one ATM. */
export function toAtmJsonV510(atm: AtmEntity): Json {
  return { ...toAtmJsonV400(atm), atm_type: '', phone: '', attributes: [] };
}

const meta = (product: ProductEntity): Json => ({ license: { id: product.licenseId, name: product.licenseName } });

/** v1.4.0 ProductJson. */
export function toProductJson(product: ProductEntity): Json {
  return {
    code: product.productCode,
    name: product.name,
    category: product.category,
    family: product.family,
    super_family: product.superFamily,
    more_info_url: product.moreInfoUrl,
    meta: meta(product),
  };
}

/** v2.1.0 ProductJsonV210: adds bank_id, details and description (not stored: empty). */
export function toProductJsonV210(product: ProductEntity): Json {
  return {
    bank_id: product.bankId,
    code: product.productCode,
    name: product.name,
    category: product.category,
    family: product.family,
    super_family: product.superFamily,
    more_info_url: product.moreInfoUrl,
    details: '',
    description: '',
    meta: meta(product),
  };
}

/** v3.1.0 ProductJsonV310: adds parent_product_code; one product carries its (empty) product_attributes, the list leaves them out. */
export function toProductJsonV310(product: ProductEntity, withAttributes: boolean): Json {
  const { bank_id, code, ...rest } = toProductJsonV210(product);
  return { bank_id, code, parent_product_code: '', ...rest, ...(withAttributes ? { product_attributes: [] } : {}) };
}
