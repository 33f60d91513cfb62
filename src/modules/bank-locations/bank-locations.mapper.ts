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
