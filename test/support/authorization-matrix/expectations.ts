import type { Response } from 'supertest';
import type { RolesAccess } from '../../../src/common/auth/access';
import { ROLES } from '../../../src/common/auth/roles';

/** An expectation on one response: undefined when met, else what was expected. */
export type Expectation = (response: Response) => string | undefined;

function message(response: Response): string {
  const body = response.body as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : '';
}

function isObpError(response: Response, status: number, code: string): boolean {
  return response.status === status && (response.body as { code?: unknown })?.code === status && message(response).startsWith(`${code}: `);
}

/** 401 OBP-20001 with the WWW-Authenticate header OBP sends with it (ARCHITECTURE §2). */
export const notLoggedIn: Expectation = (response) => {
  if (!isObpError(response, 401, 'OBP-20001')) return '401 OBP-20001';
  if (!response.headers['www-authenticate']) return '401 OBP-20001 with a WWW-Authenticate header';
  return undefined;
};

/**
 * Authorisation let the request through: anything but 401 and 403. What follows (400 for the
 * placeholder body, 404 for placeholder ids, 200/201) is the endpoint's business, not the matrix's.
 */
export const authorised: Expectation = (response) => (response.status === 401 || response.status === 403 ? 'neither 401 nor 403' : undefined);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * 403 OBP-20006 naming every role of the declaration (whole words: CanGetCustomers must not be
 * "found" inside CanGetCustomersAtAnyBank). Where a bank role is checked at the path's bank, the
 * message also names that bank ("at Bank(B)" / "for BankId(B)", behaviours.md §0.3), except in
 * the OR-of-groups format, which OBP words without a bank.
 */
export function missingRoles(access: RolesAccess, pathBankId: string | undefined): Expectation {
  return (response) => {
    const expected = `403 OBP-20006 naming ${access.roles.join(', ')}`;
    if (!isObpError(response, 403, 'OBP-20006')) return expected;
    const text = message(response);
    const unnamed = access.roles.filter((role) => !new RegExp(`\\b${role}\\b`).test(text));
    if (unnamed.length > 0) return `${expected} (missing ${unnamed.join(', ')})`;
    // bankSuffix false: OBP's hand-written text for that endpoint names no bank (RolesAccess.bankSuffix).
    const namesBank =
      access.mode !== 'groups' && access.bankSuffix !== false && pathBankId !== undefined && access.roles.some((role) => ROLES[role].requiresBankId);
    if (namesBank && !new RegExp(`Bank(Id)?\\(${escape(pathBankId)}\\)`).test(text)) return `${expected} at Bank(${pathBankId})`;
    return undefined;
  };
}
