/** Every OBP API version this server serves, oldest first. Adding a version means appending it here. */
export const API_VERSIONS = ['1.2.1', '1.3.0', '1.4.0', '2.0.0', '2.1.0', '2.2.0', '3.0.0', '3.1.0', '4.0.0', '5.0.0', '5.1.0'] as const;

export type ApiVersion = (typeof API_VERSIONS)[number];

export const LATEST_API_VERSION: ApiVersion = API_VERSIONS[API_VERSIONS.length - 1];

function indexOf(version: ApiVersion): number {
  const index = API_VERSIONS.indexOf(version);
  if (index < 0) throw new Error(`Unknown API version ${version}`);
  return index;
}

/** Versions from `first` up to the latest, inclusive. */
export function since(first: ApiVersion): ApiVersion[] {
  return API_VERSIONS.slice(indexOf(first));
}

/** Versions from `first` to `last`, inclusive. */
export function between(first: ApiVersion, last: ApiVersion): ApiVersion[] {
  const from = indexOf(first);
  const to = indexOf(last);
  if (to < from) throw new Error(`between(${first}, ${last}): range is reversed`);
  return API_VERSIONS.slice(from, to + 1);
}

/**
 * Parses the version forms OBP accepts in URLs and parameters: "5.1.0", "v5.1.0", "OBPv5.1.0".
 * Returns undefined for anything else.
 */
export function parseApiVersion(raw: string): ApiVersion | undefined {
  const match = /^(?:OBP)?v?(\d+\.\d+\.\d+)$/.exec(raw.trim());
  if (!match) return undefined;
  return (API_VERSIONS as readonly string[]).includes(match[1]) ? (match[1] as ApiVersion) : undefined;
}

/** OBP's version_status for the root endpoint. */
export function versionStatus(version: ApiVersion): 'STABLE' | 'BLEEDING_EDGE' {
  return version === LATEST_API_VERSION ? 'BLEEDING_EDGE' : 'STABLE';
}

/** Exactly one version. */
export function only(version: ApiVersion): ApiVersion[] {
  return [API_VERSIONS[indexOf(version)]];
}
