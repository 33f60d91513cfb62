import { ObpException } from '../errors/obp.exception';
import { isKnownRole, ROLE_NAMES, ROLES, type RoleName } from './roles';

/** Every role name in OBP's order for the OBP-10007 text: `ApiRole.availableRoles.sorted` (plain string order). */
const POSSIBLE_ROLES = [...ROLE_NAMES].sort().join(', ');

/**
 * A role may be granted (to a user as an entitlement, to a consumer as a scope) when it is known
 * (OBP-10007) and bank_id is given exactly for bank roles (OBP-30205 / OBP-30206).
 */
export function assertGrantableRole(roleName: string, bankId: string): asserts roleName is RoleName {
  if (!isKnownRole(roleName)) {
    throw ObpException.of('IncorrectRoleName', `${roleName.slice(0, 100)}. Possible roles are ${POSSIBLE_ROLES}`);
  }
  if (ROLES[roleName].requiresBankId && bankId === '') throw ObpException.of('EntitlementIsBankRole');
  if (!ROLES[roleName].requiresBankId && bankId !== '') throw ObpException.of('EntitlementIsSystemRole');
}
