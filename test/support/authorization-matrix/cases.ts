import type { RolesAccess } from '../../../src/common/auth/access';
import { ROLES, type RoleName } from '../../../src/common/auth/roles';
import type { HttpVerb, ObpEndpointMetadata } from '../../../src/common/endpoint/obp-endpoint.decorator';

/** One served route: verb x path (or alias) x version of one @ObpEndpoint, with its parameters filled. */
export interface MatrixRoute {
  endpoint: ObpEndpointMetadata;
  verb: HttpVerb;
  version: string;
  /** "GET /obp/v4.0.0/banks/BANK_ID/customers": how failures name the route. */
  label: string;
  url: string;
  /** The parameters the URL carries, as the router must extract them. */
  params: Record<string, string>;
  /** The BANK_ID filled in, when the path has one. */
  bankId: string | undefined;
}

/**
 * Ids for every path parameter other than BANK_ID. They name nothing that exists: the access guard
 * checks only authentication, the feature gate, the bank (BANK_ID) and roles, and every other id is
 * looked up after it (AccountViewGuard runs after the global guard; handlers after both). So a
 * placeholder never turns a would-be 401/403 into a 404, and a request that passes authorisation
 * (for instance a DELETE by a role holder) finds nothing to change.
 */
export const PLACEHOLDER_ID = '00000000-0000-4000-8000-00000000a77a';
const PARAMETER = /^[A-Z][A-Z0-9_]*$/;

export function matrixRoutes(endpoints: readonly ObpEndpointMetadata[], bankId: string): MatrixRoute[] {
  return endpoints.flatMap((endpoint) =>
    [endpoint.path, ...(endpoint.aliases ?? [])].flatMap((path) =>
      endpoint.versions.map((version) => {
        const params: Record<string, string> = {};
        const segments = path.split('/').map((segment) => {
          if (!PARAMETER.test(segment)) return segment;
          params[segment] = valueFor(segment, bankId);
          return params[segment];
        });
        const suffix = path === '/' ? '' : segments.join('/');
        return {
          endpoint,
          verb: endpoint.verb,
          version,
          label: `${endpoint.verb} /obp/v${version}${path === '/' ? '' : path}`,
          url: `/obp/v${version}${suffix}`,
          params,
          bankId: params.BANK_ID,
        };
      }),
    ),
  );
}

function valueFor(parameter: string, bankId: string): string {
  if (parameter === 'BANK_ID') return bankId;
  // A real version, so resource-docs answers rather than refusing the version string.
  if (parameter === 'API_VERSION') return 'v5.1.0';
  // A real system view name: view lookups come after the account, which does not exist anyway.
  if (parameter === 'VIEW_ID') return 'owner';
  return PLACEHOLDER_ID;
}

/** Whether holding `held` satisfies the declaration, read from the declaration's own terms. */
export function satisfies(access: RolesAccess, held: ReadonlySet<string>): boolean {
  if (access.mode === 'any') return access.roles.some((role) => held.has(role));
  if (access.mode === 'all') return access.roles.every((role) => held.has(role));
  return (access.groups ?? []).some((group) => group.every((role) => held.has(role)));
}

/** The smallest role sets that open the route: each role of an "any" list, the whole "all" list, each group. */
export function sufficientRoleSets(access: RolesAccess): RoleName[][] {
  if (access.mode === 'any') return access.roles.map((role) => [role]);
  if (access.mode === 'all') return [[...access.roles]];
  return (access.groups ?? []).map((group) => [...group]);
}

/**
 * For "all" and "groups" declarations, every non-empty role set that must NOT open the route (one
 * role short of the list, a role from each group without a whole group): proves the guard does not
 * treat those modes as "any". "any" has none (every non-empty subset satisfies it).
 */
export function insufficientRoleSets(access: RolesAccess): RoleName[][] {
  if (access.mode === 'any') return [];
  if (access.roles.length > 6) throw new Error(`${access.roles.join()}: too many roles to enumerate subsets; extend the generator`);
  const subsets: RoleName[][] = [];
  for (let mask = 1; mask < 1 << access.roles.length; mask++) {
    const subset = access.roles.filter((_, index) => mask & (1 << index));
    if (!satisfies(access, new Set(subset))) subsets.push(subset);
  }
  return subsets;
}

/**
 * Where a role is granted so that it counts for the route: system roles at "" (how OBP stores
 * them); bank roles at the path's BANK_ID, or at "" when the path has none: that is where the
 * guard looks them up then, as OBP's v4.0.0+ wrapper does (catalogue note on addScope).
 */
export function grantBank(role: RoleName, route: MatrixRoute): string {
  return ROLES[role].requiresBankId ? (route.bankId ?? '') : '';
}
