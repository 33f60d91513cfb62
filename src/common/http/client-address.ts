import { BlockList, isIP } from 'node:net';

/** What the client address is derived from (a Fastify request or Node's IncomingMessage). */
export interface PeerRequest {
  socket: { remoteAddress?: string };
  headers: Record<string, string | string[] | undefined>;
}

/**
 * OBP_TRUSTED_PROXIES: addresses or CIDR ranges (IPv4 or IPv6) of the reverse proxies in front of
 * this server. Only a trusted peer's X-Forwarded-* headers are believed; anyone else could send them.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly empty: boolean;

  private constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const parsed = parseEntry(entry);
      if (!parsed) throw new Error(`not an IP address or CIDR range: ${entry}`);
      if (parsed.prefix === undefined) this.list.addAddress(parsed.address, parsed.family);
      else this.list.addSubnet(parsed.address, parsed.prefix, parsed.family);
    }
    this.empty = entries.length === 0;
  }

  private static readonly cache = new WeakMap<readonly string[], TrustedProxies>();

  /** Parsed once per configured list (the config object lives as long as the app). */
  static of(entries: readonly string[]): TrustedProxies {
    let found = TrustedProxies.cache.get(entries);
    if (!found) TrustedProxies.cache.set(entries, (found = new TrustedProxies(entries)));
    return found;
  }

  /** The entries that are neither an address nor a CIDR range (for start-up validation). */
  static invalidEntries(entries: readonly string[]): string[] {
    return entries.filter((entry) => !parseEntry(entry));
  }

  includes(address: string): boolean {
    // No proxies configured (the default): every request's answer, without parsing the address.
    if (this.empty) return false;
    const family = isIP(address);
    if (family === 0) return false;
    return this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** True when the request came straight from a trusted proxy (so its X-Forwarded-* headers count). */
export function viaTrustedProxy(request: PeerRequest, trusted: TrustedProxies): boolean {
  return trusted.includes(normalisedAddress(request.socket.remoteAddress));
}

/**
 * The client's address for per-client limits. From an untrusted peer: the peer itself (its
 * X-Forwarded-For is ignored, it could say anything). From a trusted proxy: the right-most
 * X-Forwarded-For entry that is not a trusted proxy, i.e. the address the outermost trusted proxy
 * saw; entries to its left were written by the client and are not believed. If every entry is a
 * trusted proxy, the left-most one.
 */
export function clientAddress(request: PeerRequest, trusted: TrustedProxies): string {
  const peer = normalisedAddress(request.socket.remoteAddress);
  if (!trusted.includes(peer)) return peer;
  const header = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => normalisedAddress(withoutPort(hop.trim())))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trusted.includes(hops[i])) return hops[i];
  }
  return hops[0] ?? peer;
}

/** "::ffff:127.0.0.1" (IPv4 on a dual-stack socket) compares as "127.0.0.1". */
export function normalisedAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/** "1.2.3.4:5678" and "[2001:db8::1]:443" (some proxies add the port) without the port. */
function withoutPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1];
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop);
  return v4WithPort ? v4WithPort[1] : hop;
}

function parseEntry(entry: string): { address: string; family: 'ipv4' | 'ipv6'; prefix?: number } | undefined {
  const [rawAddress, prefixText, ...rest] = entry.trim().split('/');
  const address = normalisedAddress(rawAddress);
  const family = isIP(address);
  if (rest.length > 0 || family === 0) return undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefixText === undefined) return { address, family: type };
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= (family === 4 ? 32 : 128))) return undefined;
  return { address, family: type, prefix };
}
