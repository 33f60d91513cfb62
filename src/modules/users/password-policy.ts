// OBP's password rules (auth.md §4.2), exactly as OBP-API applies them.

/** Printable specials OBP accepts; "[" and "]" are not among them (OBP's regex reads them as a nested class). */
const SPECIALS = '!"#$%&\'()*+,\\-./:;<=>?@\\\\^_`{|}~';

/** basicPasswordValidation: letters, digits, the specials and space; at most 512 characters. */
const BASIC = new RegExp(`^[A-Za-z0-9 ${SPECIALS}]*$`);

/** 10-16 characters with a digit, a lower-case and an upper-case letter and a special; no space. */
const STRONG = new RegExp(`^(?=.*\\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[${SPECIALS}])[A-Za-z0-9${SPECIALS}]{10,16}$`);

export function isBasicPassword(password: string): boolean {
  return password.length <= 512 && BASIC.test(password);
}

/** fullPasswordValidation (OBP-30207): EITHER longer than 16 (up to 512) OR the strong 10-16 form. */
export function isValidPassword(password: string): boolean {
  if (!isBasicPassword(password)) return false;
  return (password.length > 16 && password.length <= 512) || STRONG.test(password);
}
