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
});
