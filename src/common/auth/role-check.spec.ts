import { allRoles, allRolesOfAnyGroup, anyRole } from './access';
import type { AuthContext } from './auth-context';
import { assertRoles, missingRolesDetail } from './role-check';
import { ROLES } from './roles';

function contextWith(...grants: [string, string][]): AuthContext {
  return {
    user: { userId: 'u', provider: 'p', providerId: 'x', username: 'x', email: 'x@y.z', firstName: '', lastName: '' },
    consumer: undefined,
    grants: grants.map(([bankId, roleName]) => ({ bankId, roleName })),
    isSuperAdmin: false,
  };
}

describe('role checks', () => {
  it('accepts a bank role only at the bank it was granted at', () => {
    const access = anyRole('CanCreateCustomer', 'CanCreateCustomerAtAnyBank');
    expect(() => assertRoles(contextWith(['b1', 'CanCreateCustomer']), access, 'b1')).not.toThrow();
    expect(() => assertRoles(contextWith(['b2', 'CanCreateCustomer']), access, 'b1')).toThrow(/OBP-20006/);
  });

  it('checks system roles at "" whatever the path bank', () => {
    const access = anyRole('CanCreateCustomer', 'CanCreateCustomerAtAnyBank');
    expect(() => assertRoles(contextWith(['', 'CanCreateCustomerAtAnyBank']), access, 'b1')).not.toThrow();
    expect(() => assertRoles(contextWith(['b1', 'CanCreateCustomerAtAnyBank']), access, 'b1')).toThrow(/OBP-20006/);
  });

  it('needs every role for ALL-of requirements', () => {
    const access = allRoles('CanCreateCustomer', 'CanCreateUserCustomerLink');
    expect(() => assertRoles(contextWith(['b1', 'CanCreateCustomer']), access, 'b1')).toThrow(/OBP-20006/);
    expect(() => assertRoles(contextWith(['b1', 'CanCreateCustomer'], ['b1', 'CanCreateUserCustomerLink']), access, 'b1')).not.toThrow();
  });

  it('accepts any complete group for (A and B) OR (C and D)', () => {
    const access = allRolesOfAnyGroup(['CanCreateCustomer', 'CanCreateUserCustomerLink'], ['CanCreateCustomerAtAnyBank', 'CanCreateUserCustomerLinkAtAnyBank']);
    expect(() => assertRoles(contextWith(['b1', 'CanCreateCustomer'], ['', 'CanCreateUserCustomerLinkAtAnyBank']), access, 'b1')).toThrow(
      'OBP-20006: User is missing one or more roles: CanCreateCustomer and CanCreateUserCustomerLink OR CanCreateCustomerAtAnyBank and CanCreateUserCustomerLinkAtAnyBank entitlements are required.',
    );
    expect(() => assertRoles(contextWith(['', 'CanCreateCustomerAtAnyBank'], ['', 'CanCreateUserCustomerLinkAtAnyBank']), access, 'b1')).not.toThrow();
  });

  it('names every acceptable role in OBP formats', () => {
    expect(missingRolesDetail(anyRole('CanCreateCustomer', 'CanCreateCustomerAtAnyBank'), 'b1')).toBe(
      'CanCreateCustomer or CanCreateCustomerAtAnyBank for BankId(b1).',
    );
    expect(missingRolesDetail(anyRole('CanGetAnyUser'), undefined)).toBe('CanGetAnyUser');
    expect(missingRolesDetail(anyRole('CanGetCustomer'), 'b1')).toBe('CanGetCustomer at Bank(b1)');
    expect(missingRolesDetail(allRoles('CanCreateCustomer', 'CanCreateUserCustomerLink'), 'b1')).toBe(
      'CanCreateCustomer and CanCreateUserCustomerLink entitlements are required for BankId(b1).',
    );
  });

  it('knows whether each role is bank or system level', () => {
    expect(ROLES.CanCreateCustomer.requiresBankId).toBe(true);
    expect(ROLES.CanGetAnyUser.requiresBankId).toBe(false);
  });
});
