import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLE_NAMES, ROLES } from './roles';

/** Every role named anywhere in OBP's endpoint catalogue (a digest kept in test/fixtures/obp). */
function catalogueRoles(): Map<string, boolean | undefined> {
  const found = new Map<string, boolean | undefined>();
  {
    const entries = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/obp/endpoint-catalogue.json'), 'utf8')) as {
      roles?: string[];
      roles_enforced?: string[];
      role_details?: { role: string; requires_bank_id: boolean }[];
    }[];
    for (const entry of entries) {
      for (const detail of entry.role_details ?? []) found.set(detail.role, detail.requires_bank_id);
      for (const raw of [...(entry.roles ?? []), ...(entry.roles_enforced ?? [])]) {
        const role = raw.split(' ')[0]; // "CanX (only when ...)" annotations
        if (!found.has(role)) found.set(role, undefined);
      }
    }
  }
  return found;
}

/** OBP's own role list (ApiRole: name and requires_bank_id), copied into test/fixtures/obp. */
function obpRoles(): { role: string; requires_bank_id: boolean }[] {
  return JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/obp/roles.json'), 'utf8')) as { role: string; requires_bank_id: boolean }[];
}

/** Roles this server adds to OBP's (each documented in docs/COMPATIBILITY.md). */
const OWN_ROLES = ['CanGetMeetingsAtOneBank'];

describe('role list', () => {
  it('names each role once', () => {
    expect(new Set(ROLE_NAMES).size).toBe(ROLE_NAMES.length);
  });

  it('covers every role in the catalogue, with the catalogue bank/system level', () => {
    const missing: string[] = [];
    const wrongLevel: string[] = [];
    for (const [role, requiresBankId] of catalogueRoles()) {
      if (!(role in ROLES)) missing.push(role);
      else if (requiresBankId !== undefined && ROLES[role as keyof typeof ROLES].requiresBankId !== requiresBankId) wrongLevel.push(role);
    }
    expect({ missing, wrongLevel }).toEqual({ missing: [], wrongLevel: [] });
  });

  it("knows every role OBP defines, each with OBP's bank or system level", () => {
    const roles = obpRoles();
    expect(roles.length).toBe(306);
    const missing = roles.filter(({ role }) => !(role in ROLES)).map(({ role }) => role);
    const wrongLevel = roles
      .filter(({ role, requires_bank_id }) => role in ROLES && ROLES[role as keyof typeof ROLES].requiresBankId !== requires_bank_id)
      .map(({ role }) => role);
    expect({ missing, wrongLevel }).toEqual({ missing: [], wrongLevel: [] });
  });

  it('adds no role of its own beyond the documented ones', () => {
    const obp = new Set(obpRoles().map(({ role }) => role));
    expect(ROLE_NAMES.filter((role) => !obp.has(role))).toEqual(OWN_ROLES);
  });
});
