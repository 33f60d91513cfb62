import { clientAddress, TrustedProxies } from './client-address';

const from = (peer: string, forwardedFor?: string | string[]) => ({
  socket: { remoteAddress: peer },
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
});

describe('clientAddress', () => {
  const trusted = TrustedProxies.of(['10.0.0.0/8', '192.0.2.7', '2001:db8:ffff::/48']);

  it('is the peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress(from('198.51.100.1', '203.0.113.9'), trusted)).toBe('198.51.100.1');
    expect(clientAddress(from('::ffff:198.51.100.1', '203.0.113.9'), trusted)).toBe('198.51.100.1');
  });

  it('behind trusted proxies, is the right-most forwarded address that is not one of them', () => {
    expect(clientAddress(from('10.1.1.1', '203.0.113.9'), trusted)).toBe('203.0.113.9');
    expect(clientAddress(from('10.1.1.1', 'spoofed, 203.0.113.9, 192.0.2.7, 10.9.9.9'), trusted)).toBe('203.0.113.9');
    expect(clientAddress(from('10.1.1.1', ['1.1.1.1', '203.0.113.9:4711']), trusted)).toBe('203.0.113.9');
    expect(clientAddress(from('2001:db8:ffff::1', '[2001:db8::5]:443'), trusted)).toBe('2001:db8::5');
  });

  it('behind trusted proxies only: the left-most hop, or the peer without the header', () => {
    expect(clientAddress(from('10.1.1.1', '10.2.2.2, 192.0.2.7'), trusted)).toBe('10.2.2.2');
    expect(clientAddress(from('10.1.1.1'), trusted)).toBe('10.1.1.1');
  });

  it('trusts nothing when the list is empty, and rejects entries that are not addresses or ranges', () => {
    expect(clientAddress(from('10.1.1.1', '203.0.113.9'), TrustedProxies.of([]))).toBe('10.1.1.1');
    expect(TrustedProxies.invalidEntries(['10.0.0.0/8', '::1', 'proxy.local', '10.0.0.0/33', '1.2.3.4/8/1'])).toEqual([
      'proxy.local',
      '10.0.0.0/33',
      '1.2.3.4/8/1',
    ]);
  });
});
