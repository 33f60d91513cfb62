import type { BankEntity } from './entities/bank.entity';

/** OBP renders empty strings of the v1.2.1 bank as null. */
function nullIfEmpty(value: string): string | null {
  return value === '' ? null : value;
}

/** v1.2.1 BankJSON */
export function toBankJsonV121(bank: BankEntity) {
  return {
    id: bank.bankId,
    short_name: nullIfEmpty(bank.shortName),
    full_name: nullIfEmpty(bank.fullName),
    logo: nullIfEmpty(bank.logoUrl),
    website: nullIfEmpty(bank.websiteUrl),
    bank_routing: { scheme: nullIfEmpty(bank.routingScheme), address: nullIfEmpty(bank.routingAddress) },
  };
}

/** v2.2.0 BankJSONV220 */
export function toBankJsonV220(bank: BankEntity) {
  return {
    id: bank.bankId,
    full_name: bank.fullName,
    short_name: bank.shortName,
    logo_url: bank.logoUrl,
    website_url: bank.websiteUrl,
    swift_bic: bank.swiftBic,
    national_identifier: bank.nationalIdentifier,
    bank_routing: { scheme: bank.routingScheme, address: bank.routingAddress },
  };
}

/** The BIC (when set) and the stored routing (when it has an address). */
function routings(bank: BankEntity) {
  const list: { scheme: string; address: string }[] = [];
  if (bank.swiftBic) list.push({ scheme: 'BIC', address: bank.swiftBic });
  if (bank.routingAddress && bank.routingScheme !== 'BIC') list.push({ scheme: bank.routingScheme, address: bank.routingAddress });
  return list;
}

/** v3.0.0-v4.0.0 BankJson400 (no bank attributes are stored yet: always []) */
export function toBankJson400(bank: BankEntity) {
  return {
    id: bank.bankId,
    short_name: bank.shortName,
    full_name: bank.fullName,
    logo: bank.logoUrl,
    website: bank.websiteUrl,
    bank_routings: routings(bank),
    attributes: [] as { name: string; value: string }[],
  };
}

/** v5.0.0 BankJson500 */
export function toBankJson500(bank: BankEntity) {
  const { short_name, ...rest } = toBankJson400(bank);
  return {
    id: rest.id,
    bank_code: bank.bankCode || short_name,
    full_name: rest.full_name,
    logo: rest.logo,
    website: rest.website,
    bank_routings: rest.bank_routings,
    attributes: rest.attributes,
  };
}
