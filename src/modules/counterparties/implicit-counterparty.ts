import { createHash, randomUUID } from 'node:crypto';

/**
 * OBP's implicit counterparty id (views.md §1): URL-safe base64 of SHA-256 over this bank, this
 * account, the counterparty name and its routing scheme and address, without "=" padding. The same
 * name on one account is therefore one counterparty.
 */
export function implicitCounterpartyId(bankId: string, accountId: string, name: string, routingScheme = '', routingAddress = ''): string {
  return createHash('sha256')
    .update(bankId + accountId + name + routingScheme + routingAddress, 'utf8')
    .digest('base64url');
}

/** A new public alias: "ALIAS_" and 6 upper-case hex characters (views.md §1). */
export function newPublicAlias(): string {
  return `ALIAS_${randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}
