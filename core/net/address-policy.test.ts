/**
 * The address rule over a table of addresses (pure: no DNS, no sockets), the URL forms that
 * normalise to them, and FETCH_ALLOW_HOSTS parsing and matching.
 */
import { describe, expect, it } from 'vitest';
import { addressRefusal, isAllowedHost, parseAllowHosts, urlRefusal } from './address-policy.ts';

describe('addressRefusal', () => {
  const refused: [string, RegExp][] = [
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['10.0.0.1', /private/],
    ['172.16.5.4', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.255', /carrier-grade NAT/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['0.0.0.0', /unspecified/],
    ['0.1.2.3', /unspecified/],
    ['255.255.255.255', /broadcast/],
    ['192.0.2.1', /reserved/],
    ['198.18.0.1', /reserved/],
    ['240.0.0.1', /reserved/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['fc00::1', /unique-local/],
    ['fd12:3456::1', /unique-local/],
    ['fe80::1', /link-local/],
    ['ff02::1', /multicast/],
    ['fec0::1', /site-local/],
    ['2001:db8::1', /reserved/],
    // IPv6 forms of refused IPv4 addresses, judged by the IPv4 address they embed.
    ['::ffff:127.0.0.1', /IPv6 form of 127\.0\.0\.1, a loopback/],
    ['::ffff:7f00:1', /IPv6 form of 127\.0\.0\.1, a loopback/],
    ['::ffff:10.1.2.3', /IPv6 form of 10\.1\.2\.3, a private/],
    ['::ffff:169.254.169.254', /link-local/],
    ['64:ff9b::7f00:1', /IPv6 form of 127\.0\.0\.1/],
    ['64:ff9b::a9fe:a9fe', /IPv6 form of 169\.254\.169\.254/],
    ['::ffff:0:7f00:1', /IPv6 form of 127\.0\.0\.1/],
    // IPv4-compatible, 6to4 and Teredo: deprecated transition forms, refused whatever they embed.
    ['::127.0.0.1', /IPv4-compatible/],
    ['::8.8.8.8', /IPv4-compatible/],
    ['2002:7f00:1::1', /6to4/],
    ['2002:808:808::1', /6to4/],
    ['2001::1', /Teredo/],
    // Not strict IP literals: refused outright (the URL parser normalises these before they get here).
    ['2130706433', /not an IP address/],
    ['0x7f.1', /not an IP address/],
    ['localhost', /not an IP address/],
  ];
  it.each(refused)('refuses %s', (address, reason) => {
    expect(addressRefusal(address)).toMatch(reason);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '2606:4700:4700::1111',
    '2a03:2880:f10c:83:face:b00c:0:25de',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('allows public %s', (address) => {
    expect(addressRefusal(address)).toBeNull();
  });

  it("refuses this machine's own interface addresses, public ones included, in IPv6 form too", () => {
    const own = ['127.0.0.1', '8.8.4.4', 'fe80::1%eth0', '2a00:1450::5'];
    expect(addressRefusal('8.8.4.4', own)).toBe('an address of this machine');
    expect(addressRefusal('::ffff:8.8.4.4', own)).toBe('an IPv6 form of 8.8.4.4, an address of this machine');
    expect(addressRefusal('2a00:1450:0::5', own)).toBe('an address of this machine');
    expect(addressRefusal('8.8.8.8', own)).toBeNull();
  });

  it('sees through the URL forms that normalise to a refused address', () => {
    const hostOf = (u: string) => new URL(u).hostname.replace(/^\[|\]$/g, '');
    for (const u of [
      'http://2130706433/',
      'http://0x7f000001/',
      'http://0x7f.1/',
      'http://017700000001/',
      'http://127.1/',
      'http://0177.0.0.1/',
    ]) {
      expect(hostOf(u), u).toBe('127.0.0.1');
      expect(addressRefusal(hostOf(u)), u).toMatch(/loopback/);
    }
    expect(addressRefusal(hostOf('http://0/'))).toMatch(/unspecified/);
    expect(addressRefusal(hostOf('http://[::ffff:127.0.0.1]/'))).toMatch(/loopback/);
    expect(addressRefusal(hostOf('http://[0:0:0:0:0:ffff:7f00:1]/'))).toMatch(/loopback/);
  });
});

describe('urlRefusal', () => {
  it('allows http and https only, and no credentials', () => {
    expect(urlRefusal(new URL('https://example.org/x'))).toBeNull();
    expect(urlRefusal(new URL('http://example.org/x'))).toBeNull();
    expect(urlRefusal(new URL('file:///etc/passwd'))).toBe('refused: file: URLs are not fetched (http and https only)');
    expect(urlRefusal(new URL('ftp://example.org/'))).toMatch(/ftp:/);
    expect(urlRefusal(new URL('gopher://example.org/'))).toMatch(/gopher:/);
    expect(urlRefusal(new URL('javascript:alert(1)'))).toMatch(/javascript:/);
    expect(urlRefusal(new URL('http://user:pw@example.org/'))).toBe('refused: URLs with credentials are not fetched');
    expect(urlRefusal(new URL('http://user@example.org/'))).toMatch(/credentials/);
  });
});

describe('FETCH_ALLOW_HOSTS', () => {
  it('parses host, host:port and IPv6 entries, normalised as URLs are', () => {
    expect(parseAllowHosts('')).toEqual([]);
    expect(parseAllowHosts(' 127.0.0.1:3201 , Intranet.Example, [::1]:8080, ::1, 2130706433:80 ')).toEqual([
      { host: '127.0.0.1', port: 3201 },
      { host: 'intranet.example', port: null },
      { host: '::1', port: 8080 },
      { host: '::1', port: null },
      { host: '127.0.0.1', port: 80 },
    ]);
    for (const bad of ['http://x.example', 'x.example/path', 'user@x.example', 'x.example:99999', 'a b'])
      expect(() => parseAllowHosts(bad), bad).toThrow(/is not a host or host:port/);
  });

  it('matches host and port (default ports by scheme); a port entry allows that port only', () => {
    const allowed = parseAllowHosts('127.0.0.1:3201,intranet.example,[::1]:443');
    expect(isAllowedHost(new URL('http://127.0.0.1:3201/a'), allowed)).toBe(true);
    expect(isAllowedHost(new URL('http://2130706433:3201/a'), allowed)).toBe(true);
    expect(isAllowedHost(new URL('http://127.0.0.1:3202/a'), allowed)).toBe(false);
    expect(isAllowedHost(new URL('http://127.0.0.1/a'), allowed)).toBe(false);
    expect(isAllowedHost(new URL('http://localhost:3201/a'), allowed)).toBe(false);
    expect(isAllowedHost(new URL('https://INTRANET.example:8443/'), allowed)).toBe(true);
    expect(isAllowedHost(new URL('https://intranet.example./'), allowed)).toBe(true);
    expect(isAllowedHost(new URL('https://[::1]/'), allowed)).toBe(true);
    expect(isAllowedHost(new URL('http://[::1]/'), allowed)).toBe(false);
  });
});
