import { createHash } from 'node:crypto';
import { implicitCounterpartyId, newPublicAlias } from './implicit-counterparty';

describe('implicit counterparties', () => {
  it('derives the id as unpadded base64url SHA-256 of bank + account + name + routing', () => {
    const expected = createHash('sha256').update('bank-xacc-1Starbucks').digest('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(implicitCounterpartyId('bank-x', 'acc-1', 'Starbucks')).toBe(expected);
    expect(implicitCounterpartyId('bank-x', 'acc-1', 'Starbucks')).not.toMatch(/[=+/]/);
  });

  it('differs per account for the same name', () => {
    expect(implicitCounterpartyId('b', 'a1', 'Starbucks')).not.toBe(implicitCounterpartyId('b', 'a2', 'Starbucks'));
  });

  it('makes public aliases of ALIAS_ and six upper-case hex characters', () => {
    for (let i = 0; i < 20; i++) expect(newPublicAlias()).toMatch(/^ALIAS_[0-9A-F]{6}$/);
  });
});
