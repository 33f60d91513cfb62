import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ObpEndpointMetadata } from '../../../src/common/endpoint/obp-endpoint.decorator';

interface CatalogueEntry {
  operation_id: string;
  verb: string;
  url: string;
  effective_path?: string;
  available_in: string[];
  authentication: 'mandatory' | 'optional';
  roles_enforced?: string[];
  roles_enforced_semantics?: string | null;
}

/**
 * Where this server's access rule deliberately differs from what OBP's implementation enforces,
 * and why. An entry that no longer matches a difference fails the test too, so the list stays true.
 */
export const ACCESS_DEVIATIONS: Readonly<Record<string, string>> = {
  'OBPv3.1.0-createCreditLimitRequest': 'login required: requests are stored for real (docs/COMPATIBILITY.md, Customers)',
  'OBPv3.1.0-getCreditLimitRequests': 'login required: requests are stored for real (docs/COMPATIBILITY.md, Customers)',
  'OBPv3.1.0-getCreditLimitRequestByRequestId': 'login required: requests are stored for real (docs/COMPATIBILITY.md, Customers)',
  'OBPv2.0.0-createUserCustomerLinks': 'login and role required as in v4.0.0 (docs/COMPATIBILITY.md, Customers)',
  'OBPv4.0.0-getCustomersByCustomerPhoneNumber': 'role required against phone-number harvesting (docs/COMPATIBILITY.md, Customers)',
  // The role needed depends on the body, so the declaration says "authenticated" and the handler decides.
  'OBPv2.0.0-addEntitlement': 'CanCreateEntitlementAtOneBank at body.bank_id or ...AtAnyBank (or super admin): checked in EntitlementsService',
  'OBPv2.0.0-createAccount': 'CanCreateAccount only when body.user_id is another user: checked in AccountsService',
  'OBPv2.2.0-createAccount': 'CanCreateAccount only when body.user_id is another user: checked in AccountsService',
  'OBPv3.1.0-createAccount': 'CanCreateAccount only when body.user_id is another user: checked in AccountsService',
  'OBPv4.0.0-addAccount': 'CanCreateAccount only when body.user_id is another user: checked in AccountsService',
  // Newer than the catalogue (OBP v6.0.0), anonymous there too: the token in the body is the credential.
  'OBPv6.0.0-validateUserEmail': 'public as in OBP v6.0.0 (APIMethods600 validateUserEmail); served from v5.1.0 (docs/COMPATIBILITY.md, Routing)',
};

/**
 * Public endpoints the catalogue digest does not cover, each with the OBP source that makes it
 * public. Branches, ATMs and products: OBP answers them through anonymousAccess while its
 * apiOptions.get*IsPublic prop is true (the default); this server reads the same props
 * (OBP_APIOPTIONS_*). API collections: OBP documents them as not needing a login.
 */
export const PUBLIC_OUTSIDE_CATALOGUE: Readonly<Record<string, string>> = {
  'OBPv3.0.0-getBranches': 'APIMethods300 getBranches: anonymousAccess when apiOptions.getBranchesIsPublic (default true)',
  'OBPv3.0.0-getBranch': 'APIMethods300 getBranch: anonymousAccess when apiOptions.getBranchesIsPublic (default true)',
  'OBPv3.0.0-getAtms': 'APIMethods300 getAtms: anonymousAccess when apiOptions.getAtmsIsPublic (default true)',
  'OBPv3.0.0-getAtm': 'APIMethods300 getAtm: anonymousAccess when apiOptions.getAtmsIsPublic (default true)',
  'OBPv4.0.0-getProducts': 'APIMethods400 getProducts: anonymousAccess when apiOptions.getProductsIsPublic (default true)',
  'OBPv4.0.0-getProduct': 'APIMethods400 getProduct: anonymousAccess when apiOptions.getProductsIsPublic (default true)',
  'OBPv1.4.0-getBranches': 'APIMethods140 getBranches: no user needed when apiOptions.getBranchesIsPublic (default true)',
  'OBPv2.1.0-getBranch': 'APIMethods210 getBranch: no user needed when apiOptions.getBranchesIsPublic (default true)',
  'OBPv1.4.0-getAtms': 'APIMethods140 getAtms: no user needed when apiOptions.getAtmsIsPublic (default true)',
  'OBPv2.1.0-getAtm': 'APIMethods210 getAtm: no user needed when apiOptions.getAtmsIsPublic (default true)',
  'OBPv4.0.0-getAtms': 'APIMethods400 getAtms: anonymousAccess when apiOptions.getAtmsIsPublic (default true)',
  'OBPv4.0.0-getAtm': 'APIMethods400 getAtm: anonymousAccess when apiOptions.getAtmsIsPublic (default true)',
  'OBPv5.1.0-getAtms': 'APIMethods510 getAtms: anonymousAccess when apiOptions.getAtmsIsPublic (default true)',
  'OBPv5.1.0-getAtm': 'APIMethods510 getAtm: anonymousAccess when apiOptions.getAtmsIsPublic (default true)',
  'OBPv1.4.0-getProducts': 'APIMethods140 getProducts: no user needed when apiOptions.getProductsIsPublic (default true)',
  'OBPv2.1.0-getProducts': 'APIMethods210 getProducts: no user needed when apiOptions.getProductsIsPublic (default true)',
  'OBPv2.1.0-getProduct': 'APIMethods210 getProduct: no user needed when apiOptions.getProductsIsPublic (default true)',
  'OBPv3.1.0-getProducts': 'APIMethods310 getProducts: anonymousAccess when apiOptions.getProductsIsPublic (default true)',
  'OBPv3.1.0-getProduct': 'APIMethods310 getProduct: anonymousAccess when apiOptions.getProductsIsPublic (default true)',
  // API collections: OBP's resource docs say "Authentication is Optional" and the handlers call no login check.
  'OBPv4.0.0-getFeaturedApiCollections': 'APIMethods400 getFeaturedApiCollections: authenticationRequiredMessage(false), no user read',
  'OBPv4.0.0-getApiCollectionEndpoints':
    "APIMethods400 getApiCollectionEndpoints: authenticationRequiredMessage(false), no user read (here only sharable or the caller's own collections)",
};

function catalogue(): CatalogueEntry[] {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures/obp/endpoint-catalogue.json'), 'utf8')) as CatalogueEntry[];
}

/** "/banks/BANK_ID/x" and "/banks/{}/x" compare equal: parameter names do not matter. */
function shape(path: string): string {
  return path.replace(/\/[A-Z][A-Z0-9_]*(?=\/|$)/g, '/{}');
}

/** The catalogue's enforced roles, without its annotations ("CanX (only if ...)" -> "CanX"). */
function enforcedRoles(entry: CatalogueEntry): string[] {
  return (entry.roles_enforced ?? []).map((role) => /^\w+/.exec(role)?.[0] ?? role).sort();
}

function enforcedMode(entry: CatalogueEntry): string {
  const semantics = entry.roles_enforced_semantics ?? '';
  if (semantics.startsWith('ALL')) return 'all';
  if (semantics.startsWith('(')) return 'groups';
  return 'any';
}

/**
 * Compares each endpoint, version by version, with the catalogue entries serving the same verb,
 * path shape and version: the catalogue's authentication "optional" must be a public declaration
 * and "mandatory" a non-public one, and the declared roles and mode must be the ones OBP enforces.
 * Endpoints the catalogue does not know (this server's additions) must not be public.
 */
export function catalogueProblems(endpoints: readonly ObpEndpointMetadata[]): string[] {
  const index = new Map<string, CatalogueEntry[]>();
  for (const entry of catalogue()) {
    for (const version of entry.available_in) {
      const key = `${entry.verb} ${version} ${shape(entry.effective_path ?? entry.url)}`;
      index.set(key, [...(index.get(key) ?? []), entry]);
    }
  }
  const problems = new Set<string>();
  const deviating = new Set<string>();
  for (const endpoint of endpoints) {
    const access = endpoint.access;
    const roles = access.kind === 'roles' ? [...access.roles].sort() : [];
    for (const version of endpoint.versions) {
      const entries = [endpoint.path, ...(endpoint.aliases ?? [])].flatMap((path) => index.get(`${endpoint.verb} v${version} ${shape(path)}`) ?? []);
      const found: string[] = [];
      if (entries.length === 0 && access.kind === 'public' && !(endpoint.operationId in PUBLIC_OUTSIDE_CATALOGUE))
        found.push('public, but the catalogue has no such endpoint to justify it');
      for (const entry of entries) {
        if ((entry.authentication === 'optional') !== (access.kind === 'public')) {
          found.push(`declared ${access.kind}, catalogue ${entry.operation_id} says authentication ${entry.authentication}`);
        }
        if (roles.join() !== enforcedRoles(entry).join()) {
          found.push(`declares roles [${roles.join(', ')}], catalogue ${entry.operation_id} enforces [${enforcedRoles(entry).join(', ')}]`);
        } else if (access.kind === 'roles' && access.mode !== enforcedMode(entry)) {
          found.push(`declares mode ${access.mode}, catalogue ${entry.operation_id} enforces ${enforcedMode(entry)}`);
        }
      }
      if (found.length === 0) continue;
      if (ACCESS_DEVIATIONS[endpoint.operationId]) deviating.add(endpoint.operationId);
      else for (const problem of found) problems.add(`${endpoint.operationId} v${version}: ${problem}`);
    }
  }
  for (const operationId of Object.keys(ACCESS_DEVIATIONS)) {
    if (!deviating.has(operationId)) problems.add(`${operationId}: listed in ACCESS_DEVIATIONS but no longer differs from the catalogue`);
  }
  return [...problems];
}
