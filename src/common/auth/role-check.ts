import { ObpErrors } from '../errors/error-catalogue';
import { ObpException } from '../errors/obp.exception';
import type { RolesAccess } from './access';
import { hasGrant, hasScope, type AuthContext } from './auth-context';
import { ROLES, type RoleName } from './roles';

/** The bank a role is checked at: the path's BANK_ID for bank roles, "" for system roles. */
function bankFor(role: RoleName, pathBankId: string | undefined): string {
  return ROLES[role].requiresBankId ? (pathBankId ?? '') : '';
}

/** How consumer scopes take part in role checks (auth.md §7). */
export interface ScopePolicy {
  requireForAllRoles: boolean;
  requireForRoles: readonly string[];
  allowEntitlementsOrScopes: boolean;
}

/**
 * Whether a role counts as held: the user's entitlement, AND the consumer's scope where scopes are
 * required (for all roles or the listed ones), OR the scope where either suffices. Without a
 * policy (or with the defaults) only the entitlement counts: a scope alone never suffices.
 */
export function holdsRole(context: AuthContext, role: RoleName, bankId: string, policy?: ScopePolicy): boolean {
  const entitled = hasGrant(context, bankId, role);
  if (!policy) return entitled;
  if (policy.requireForAllRoles || policy.requireForRoles.includes(role)) return entitled && hasScope(context, bankId, role);
  if (policy.allowEntitlementsOrScopes) return entitled || hasScope(context, bankId, role);
  return entitled;
}

/**
 * Enforces a roles requirement: ANY-of or ALL-of. Throws 403 OBP-20006 naming every acceptable
 * role in OBP's message formats (behaviours.md §0.3).
 */
export function assertRoles(context: AuthContext, access: RolesAccess, pathBankId: string | undefined, policy?: ScopePolicy): void {
  const held = (role: RoleName) => holdsRole(context, role, bankFor(role, pathBankId), policy);
  const satisfied =
    access.mode === 'any'
      ? access.roles.some(held)
      : access.mode === 'all'
        ? access.roles.every(held)
        : (access.groups ?? []).some((group) => group.every(held));
  if (!satisfied) throw new ObpException(ObpErrors.UserHasMissingRoles, missingRolesDetail(access, pathBankId));
}

export function missingRolesDetail(access: RolesAccess, pathBankId: string | undefined): string {
  const anyBankRole = access.roles.some((role) => ROLES[role].requiresBankId);
  if (access.mode === 'groups') {
    return `${(access.groups ?? []).map((group) => group.join(' and ')).join(' OR ')} entitlements are required.`;
  }
  if (access.mode === 'all') {
    const suffix = anyBankRole && pathBankId !== undefined ? ` for BankId(${pathBankId}).` : '.';
    return `${access.roles.join(' and ')} entitlements are required${suffix}`;
  }
  if (access.roles.length === 1) {
    const [role] = access.roles;
    return ROLES[role].requiresBankId && pathBankId !== undefined ? `${role} at Bank(${pathBankId})` : role;
  }
  const suffix = anyBankRole && pathBankId !== undefined && access.bankSuffix !== false ? ` for BankId(${pathBankId}).` : '';
  return `${access.roles.join(' or ')}${suffix}`;
}
