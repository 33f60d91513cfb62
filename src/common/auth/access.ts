import type { RoleName } from './roles';

/**
 * Who may call an endpoint. Every endpoint declares exactly one of these: there is no default,
 * so a forgotten declaration cannot silently open a route.
 *
 * - public: no login needed; credentials that are sent are still validated (OBP's anonymousAccess).
 * - authenticated: any logged-in user (OBP endpoints without roles).
 * - roles: a logged-in user holding ANY (or ALL) of the roles; bank roles are checked at the
 *   path's BANK_ID, system roles at "".
 */
export type RolesAccess = {
  readonly kind: 'roles';
  /** any: one of `roles`; all: every one of `roles`; groups: every role of at least one group. */
  readonly mode: 'any' | 'all' | 'groups';
  readonly roles: readonly RoleName[];
  readonly groups?: readonly (readonly RoleName[])[];
  /**
   * false: the 403 text lists the roles without OBP's generated " for BankId(..)." suffix, as the
   * few OBP endpoints whose message is written by hand (and asserted verbatim by OBP's tests) do.
   */
  readonly bankSuffix?: boolean;
};

export type Access = { readonly kind: 'public' } | { readonly kind: 'authenticated' } | RolesAccess;

export const PUBLIC: Access = { kind: 'public' };
export const AUTHENTICATED: Access = { kind: 'authenticated' };

export function anyRole(...roles: RoleName[]): RolesAccess {
  return { kind: 'roles', mode: 'any', roles };
}

export function allRoles(...roles: RoleName[]): RolesAccess {
  return { kind: 'roles', mode: 'all', roles };
}

/** anyRole, answering 403 with the bare role list (no " for BankId(..)."): see RolesAccess.bankSuffix. */
export function anyRoleWithoutBankSuffix(...roles: RoleName[]): RolesAccess {
  return { kind: 'roles', mode: 'any', roles, bankSuffix: false };
}

/** (A and B) OR (C and D): every role of at least one group. */
export function allRolesOfAnyGroup(...groups: RoleName[][]): RolesAccess {
  return { kind: 'roles', mode: 'groups', roles: groups.flat(), groups };
}
