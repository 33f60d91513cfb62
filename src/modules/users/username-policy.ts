// OBP's rule for local usernames (AuthUser.username's validations in OBP-API): an e-mail address,
// or 8 to 100 of A-Z a-z 0-9 . _ that neither start nor end with "." or "_" and never have two of
// them in a row. ASCII only, so look-alike letters from other scripts, markup and spaces are refused.

/** Lift's W3C e-mail rule, which OBP applies to AuthUser e-mails and also accepts as usernames. */
export const EMAIL_SYNTAX =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

const PLAIN_USERNAME = /^(?=.{8,100}$)(?![_.])(?!.*[_.]{2})[a-zA-Z0-9._]+(?<![_.])$/;

/** OBP keeps usernames in a 100-character column, e-mail addresses included. */
const MAX_LENGTH = 100;

export function isValidUsername(name: string): boolean {
  return name.length <= MAX_LENGTH && (PLAIN_USERNAME.test(name) || EMAIL_SYNTAX.test(name));
}

/**
 * What the administrator-configured bootstrap accounts must satisfy (they predate the rule, and
 * "admin" is the documented default): the characters DirectLogin accepts in a username.
 */
export function isLoginableUsername(name: string): boolean {
  return name.length > 0 && name.length <= 512 && /^[A-Za-z0-9\-._@ ]+$/.test(name);
}
