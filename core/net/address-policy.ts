/**
 * Which addresses a server-side fetch (evidence capture, liveness checks, webhook delivery) may
 * reach: public unicast only. Everything a post's URL could use to reach the machine itself or the
 * network behind it — loopback, RFC 1918, link-local (cloud metadata), CGNAT, multicast, reserved,
 * unique-local, and IPv6 forms that embed such an IPv4 address — is refused, unless the deployment
 * lists the host in FETCH_ALLOW_HOSTS. Pure functions: no DNS, no sockets.
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** ipaddr.js range names, as the sentence a refusal states ("… is a loopback address"). */
const RANGE_PHRASES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private (RFC 1918) address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT (100.64.0.0/10) address',
  multicast: 'a multicast address',
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  reserved: 'a reserved address',
  uniqueLocal: 'a unique-local address',
  deprecatedSiteLocal: 'a site-local address',
  '6to4': 'a 6to4 address',
  teredo: 'a Teredo address',
  discard: 'a discard-only address',
  benchmarking: 'a benchmarking address',
};

/** IPv6 ranges whose last 32 bits are an IPv4 address the packet ends up at: judged by that address. */
const EMBEDS_IPV4 = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052']);

/**
 * Why `address` (an IP literal, IPv6 without brackets) may not be fetched, as "a loopback address";
 * null when it is public unicast. Anything that is not a strict IP literal is refused, and so is
 * any of `ownAddresses` (this machine's interfaces: a public one still reaches its own services).
 */
export function addressRefusal(address: string, ownAddresses: readonly string[] = []): string | null {
  const why = rangeRefusal(address, ownAddresses);
  if (why === null && ownAddresses.some((own) => sameAddress(own, address))) return 'an address of this machine';
  return why;
}

function rangeRefusal(address: string, ownAddresses: readonly string[]): string | null {
  const family = isIP(address);
  if (family === 4) {
    const range = ipaddr.IPv4.parse(address).range();
    return range === 'unicast' ? null : (RANGE_PHRASES[range] ?? `a special-purpose (${range}) address`);
  }
  if (family !== 6) return 'not an IP address';
  // Canonical form first: ipaddr.js reads "::127.0.0.1" as IPv4-mapped, the WHATWG parser does not.
  const v6 = ipaddr.IPv6.parse(new URL(`http://[${address}]/`).hostname.slice(1, -1));
  const range = v6.range();
  if (EMBEDS_IPV4.has(range)) {
    const v4 = ipaddr.fromByteArray(v6.toByteArray().slice(12)).toString();
    const inner = addressRefusal(v4, ownAddresses);
    return inner === null ? null : `an IPv6 form of ${v4}, ${inner}`;
  }
  // IPv4-compatible (::a.b.c.d, deprecated): ipaddr.js calls it unicast; no legitimate host uses it.
  if (v6.parts.slice(0, 6).every((p) => p === 0))
    return range === 'unicast' ? 'an IPv4-compatible IPv6 address' : (RANGE_PHRASES[range] ?? `a special-purpose (${range}) address`);
  return range === 'unicast' ? null : (RANGE_PHRASES[range] ?? `a special-purpose (${range}) address`);
}

function sameAddress(a: string, b: string): boolean {
  try {
    return ipaddr.parse(a.replace(/%.*$/, '')).toNormalizedString() === ipaddr.parse(b).toNormalizedString();
  } catch {
    return false;
  }
}

/** A FETCH_ALLOW_HOSTS entry: a host name or IP literal, optionally with a port. */
export interface AllowedHost {
  host: string;
  port: number | null;
}

/**
 * Parses FETCH_ALLOW_HOSTS: comma-separated `host`, `host:port`, `[v6]` or `[v6]:port`. Hosts go
 * through the WHATWG parser so "LOCALHOST" or "2130706433" match the URLs they stand for.
 * Throws naming the bad entry.
 */
export function parseAllowHosts(raw: string): AllowedHost[] {
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return entries.map((entry) => {
    // A bare IPv6 literal has several colons and no brackets; give it brackets so URL can read it.
    const hostPart = isIP(entry) === 6 ? `[${entry}]` : entry;
    let url: URL;
    try {
      url = new URL(`http://${hostPart}/`);
    } catch {
      throw new Error(`"${entry}" is not a host or host:port`);
    }
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash || `${url.host}` === '')
      throw new Error(`"${entry}" is not a host or host:port`);
    const explicitPort = /:(\d+)$/.exec(hostPart.replace(/^\[[^\]]*\]/, ''));
    return { host: bare(url.hostname), port: explicitPort ? Number(explicitPort[1]) : null };
  });
}

/** Host name without IPv6 brackets or a trailing dot, lower-case (as URL#hostname gives it). */
export function bare(hostname: string): string {
  const h = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

/** Whether `url` names a host (and port) the deployment allowed despite the address rule. */
export function isAllowedHost(url: URL, allowed: readonly AllowedHost[]): boolean {
  const host = bare(url.hostname);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return allowed.some((a) => a.host === host && (a.port === null || a.port === port));
}

/** Refusals that need no DNS: scheme, credentials. Null when the URL may go on to the address check. */
export function urlRefusal(url: URL): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `refused: ${url.protocol} URLs are not fetched (http and https only)`;
  if (url.username || url.password) return 'refused: URLs with credentials are not fetched';
  return null;
}
