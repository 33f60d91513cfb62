/** Money is stored in minor units (bigint as a decimal string) and shown as a decimal string. */

/** Currencies OBP treats as having no minor unit; every other currency has 2 decimals. */
const ZERO_DECIMAL_CURRENCIES = new Set(['CZK', 'JPY', 'KRW']);

export function currencyDecimals(currency: string): number {
  return ZERO_DECIMAL_CURRENCIES.has(currency.toUpperCase()) ? 0 : 2;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * "6599.63" GBP -> "659963"; extra digits are truncated (not rounded), as OBP does. Undefined when
 * the text is not a plain decimal number or would not fit a bigint column.
 */
export function toMinorUnits(amount: string, currency: string): string | undefined {
  const match = DECIMAL.exec(amount.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  const decimals = currencyDecimals(currency);
  const digits = (whole + fraction.padEnd(decimals, '0').slice(0, decimals)).replace(/^0+(?=\d)/, '');
  const minor = BigInt((sign === '-' ? '-' : '') + digits);
  if (minor > 9_223_372_036_854_775_807n || minor < -9_223_372_036_854_775_808n) return undefined;
  return minor.toString();
}

/** "659963" GBP -> "6599.63"; "-5" EUR -> "-0.05". */
export function fromMinorUnits(minor: string | bigint, currency: string): string {
  const decimals = currencyDecimals(currency);
  const value = BigInt(minor);
  if (decimals === 0) return value.toString();
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
