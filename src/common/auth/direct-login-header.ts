/**
 * DirectLogin header parsing as OBP does it: strip a leading "DirectLogin", split on ",", split
 * each part on the first "=", trim, drop surrounding quotes, keep only the four known keys with
 * non-empty values.
 */
export interface DirectLoginParameters {
  username?: string;
  password?: string;
  consumer_key?: string;
  token?: string;
}

const KNOWN_KEYS = new Set(['username', 'password', 'consumer_key', 'token']);

export function parseDirectLoginParameters(value: string): DirectLoginParameters {
  const body = value.trim().replace(/^DirectLogin\b/i, '');
  const parameters: Record<string, string> = {};
  for (const part of body.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const raw = part.slice(separator + 1).trim();
    const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    if (KNOWN_KEYS.has(key) && unquoted.length > 0) parameters[key] = unquoted;
  }
  return parameters;
}

export type HeaderBag = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The DirectLogin credentials of a request: the `DirectLogin` header wins; the deprecated
 * `Authorization: DirectLogin ...` form is used otherwise. Undefined when neither is present.
 */
export function directLoginHeaderValue(headers: HeaderBag): string | undefined {
  const dedicated = single(headers['directlogin']);
  if (dedicated !== undefined) return dedicated;
  const authorization = single(headers['authorization']);
  return authorization !== undefined && /DirectLogin/.test(authorization) ? authorization : undefined;
}
