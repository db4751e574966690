/**
 * The one way Tidewatch fetches a URL it was given (a post's page, a platform's webhook): the host
 * is resolved once, every address is checked against the address policy, and the connection is
 * pinned to the checked address (no second lookup a rebinding DNS server could answer
 * differently). Redirects are followed by hand so every hop is checked again; bodies are capped and
 * every call has a deadline. A refusal throws FetchRefused before any connection is made; a network
 * failure throws FetchFailed with a generic reason, so a caller that reports errors onwards cannot
 * be used to map ports or read socket errors.
 */
import dns from 'node:dns';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request } from 'undici';
import { addressRefusal, bare, isAllowedHost, urlRefusal, type AllowedHost } from './address-policy.ts';

/** The URL may not be fetched; nothing was contacted. The message is safe to show ("refused: …"). */
export class FetchRefused extends Error {
  override readonly name = 'FetchRefused';
}

/** The fetch was attempted and failed; the message is generic ("network error", "timed out"). */
export class FetchFailed extends Error {
  override readonly name = 'FetchFailed';
}

export interface SafeFetchOptions {
  /** FETCH_ALLOW_HOSTS, parsed: hosts reachable despite the address rule. */
  allowHosts: readonly AllowedHost[];
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** `follow` (default): up to `maxRedirects` hops, each checked; `manual`: a 3xx is returned as is. */
  redirect?: 'follow' | 'manual';
  maxRedirects?: number;
  /** Bytes of (decoded) body kept; the rest is not read. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Deadline for the whole call, redirects included. Default 15 s. */
  timeoutMs?: number;
  /** Name resolution; default dns.lookup. Tests pass a resolver that changes its answer (rebinding). */
  resolve?: Resolver;
}

/** All addresses of a host name, as `dns.promises.lookup(host, { all: true })` gives them. */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;
const systemResolver: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

export interface SafeResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** The URL that answered (after redirects). */
  url: string;
  /** The body was longer than `maxBodyBytes` and was cut there. */
  truncated: boolean;
  /** `content-encoding` was decoded (and so is no longer true of `body`). */
  decoded: boolean;
}

export interface CheckedTarget {
  url: URL;
  /** The checked address the connection must go to. */
  address: string;
  family: 4 | 6;
}

/**
 * Checks `raw` and resolves its host once; throws FetchRefused naming the reason, FetchFailed when
 * the name does not resolve. Every address the name has must pass (a name that also points inward
 * is refused), and the first is the one used.
 */
export async function checkTarget(
  raw: string | URL,
  allowHosts: readonly AllowedHost[],
  resolve: Resolver = systemResolver,
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefused('refused: not a valid URL');
  }
  const early = urlRefusal(url);
  if (early) throw new FetchRefused(early);
  const host = bare(url.hostname);
  const allowed = isAllowedHost(url, allowHosts);
  const own = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
  const literal = isIP(host);
  if (literal) {
    const why = allowed ? null : addressRefusal(host, own);
    if (why) throw new FetchRefused(`refused: ${host} is ${why}`);
    return { url, address: host, family: literal as 4 | 6 };
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new FetchFailed('host name does not resolve');
  }
  if (addresses.length === 0) throw new FetchFailed('host name does not resolve');
  if (!allowed) {
    for (const a of addresses) {
      const why = addressRefusal(a.address, own);
      if (why) throw new FetchRefused(`refused: ${host} resolves to ${a.address}, ${why}`);
    }
  }
  return { url, address: addresses[0]!.address, family: addresses[0]!.family === 6 ? 6 : 4 };
}

/** A connect-time lookup that answers with the checked address, whatever the name's DNS says now. */
function pinnedLookup(address: string, family: 4 | 6) {
  return (
    _host: string,
    opts: { all?: boolean },
    cb: (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void,
  ) => {
    if (opts?.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  };
}

/** Request headers a caller may not set: the connection's own, or ones that would lie about the body. */
const DROPPED_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'accept-encoding',
]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function genericFailure(err: unknown, timedOut: boolean): FetchFailed {
  const code = (err as { code?: string } | null)?.code ?? '';
  if (timedOut || /TIMEOUT/.test(code) || (err as Error | null)?.name === 'TimeoutError')
    return new FetchFailed('timed out', { cause: err });
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return new FetchFailed('TLS error', { cause: err });
  return new FetchFailed('network error', { cause: err });
}

/** Reads at most `max` bytes of the (decoded) body, then stops reading. */
async function readCapped(body: Readable, encoding: string, max: number): Promise<{ body: Buffer; truncated: boolean; decoded: boolean }> {
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  const source: Readable = decoder ? body.pipe(decoder) : body;
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (size + chunk.length > max) {
        chunks.push(chunk.subarray(0, max - size));
        size = max;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } finally {
    // Not reading the rest: an abort error on the abandoned stream is expected, not a failure.
    body.on('error', () => undefined).destroy();
    decoder?.on('error', () => undefined).destroy();
  }
  return { body: Buffer.concat(chunks, size), truncated, decoded: decoder !== null };
}

/** One checked request, following (and re-checking) redirects when asked. */
export async function safeFetch(raw: string | URL, opts: SafeFetchOptions): Promise<SafeResponse> {
  const deadline = AbortSignal.timeout(opts.timeoutMs ?? 15_000);
  const maxRedirects = opts.redirect === 'manual' ? 0 : (opts.maxRedirects ?? 5);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {}))
    if (!k.startsWith(':') && !DROPPED_REQUEST_HEADERS.has(k.toLowerCase())) headers[k.toLowerCase()] = v;
  headers['accept-encoding'] = 'gzip, deflate, br';
  let method = (opts.method ?? 'GET').toUpperCase();
  let body = opts.body;
  let current: string | URL = raw;
  for (let hop = 0; ; hop++) {
    const target = await checkTarget(current, opts.allowHosts, opts.resolve);
    if (deadline.aborted) throw new FetchFailed('timed out');
    const timeout = opts.timeoutMs ?? 15_000;
    const agent = new Agent({
      connect: { lookup: pinnedLookup(target.address, target.family), timeout },
      headersTimeout: timeout,
      bodyTimeout: timeout,
      connections: 1,
      pipelining: 0,
    });
    try {
      let res;
      try {
        res = await request(target.url, { dispatcher: agent, method: method as 'GET', headers, body: body ?? null, signal: deadline });
      } catch (err) {
        throw genericFailure(err, deadline.aborted);
      }
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode) && typeof location === 'string' && opts.redirect !== 'manual') {
        res.body.on('error', () => undefined).destroy();
        if (hop >= maxRedirects) throw new FetchFailed('too many redirects');
        try {
          current = new URL(location, target.url);
        } catch {
          throw new FetchFailed('bad redirect location');
        }
        // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          delete headers['content-type'];
        }
        continue;
      }
      const encoding = String(res.headers['content-encoding'] ?? '')
        .trim()
        .toLowerCase();
      let read;
      try {
        read = await readCapped(res.body, encoding, opts.maxBodyBytes ?? 1024 * 1024);
      } catch (err) {
        throw genericFailure(err, deadline.aborted);
      }
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = v;
      return { status: res.statusCode, headers: out, url: target.url.href, ...read };
    } finally {
      agent.destroy().catch(() => undefined);
    }
  }
}
