/**
 * The SSRF-safe fetcher against real listeners on 127.0.0.1: a listener that FETCH_ALLOW_HOSTS
 * does not name is never connected to (counted at the TCP level), whatever form its address is
 * written in or however a redirect reaches it; the host is resolved once and the connection goes
 * to the address that was checked; bodies are capped and calls time out.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowHosts } from './address-policy.ts';
import { FetchFailed, FetchRefused, safeFetch, type Resolver } from './safe-fetch.ts';

interface Listener {
  server: Server;
  port: number;
  /** TCP connections accepted, and request lines seen. */
  connections: number;
  requests: string[];
}

async function listen(handler: (url: string, res: import('node:http').ServerResponse, host: string) => void): Promise<Listener> {
  const l: Listener = {
    server: createServer((req, res) => {
      l.requests.push(`${req.method} ${req.url}`);
      handler(req.url ?? '', res, req.headers.host ?? '');
    }),
    port: 0,
    connections: 0,
    requests: [],
  };
  l.server.on('connection', () => (l.connections += 1));
  await new Promise<void>((r) => l.server.listen(0, '127.0.0.1', r));
  l.port = (l.server.address() as { port: number }).port;
  return l;
}

describe('safeFetch', () => {
  let allowed: Listener;
  let internal: Listener;
  let allowHosts: ReturnType<typeof parseAllowHosts>;
  beforeAll(async () => {
    internal = await listen((_u, res) => res.end('internal secret'));
    allowed = await listen((url, res, host) => {
      if (url === '/to-internal') res.writeHead(302, { location: `http://127.0.0.1:${internal.port}/secret` }).end();
      else if (url === '/to-internal-decimal') res.writeHead(307, { location: `http://2130706433:${internal.port}/secret` }).end();
      else if (url === '/hop') res.writeHead(301, { location: '/final' }).end();
      else if (url === '/loop') res.writeHead(302, { location: '/loop' }).end();
      else if (url === '/big') res.writeHead(200).end(Buffer.alloc(1024 * 1024, 'a'));
      else if (url === '/gzip') res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(2 * 1024 * 1024, 'z')));
      else if (url === '/slow') setTimeout(() => res.end('late'), 3_000);
      else res.end(`ok ${url} host=${host}`);
    });
    allowHosts = parseAllowHosts(`127.0.0.1:${allowed.port}`);
  });
  afterAll(async () => {
    for (const l of [allowed, internal]) await new Promise<void>((r) => l.server.close(() => r()));
  });

  it('fetches an allowed host and follows its redirects', async () => {
    const res = await safeFetch(`http://127.0.0.1:${allowed.port}/hop`, { allowHosts });
    expect(res.status).toBe(200);
    expect(res.url).toBe(`http://127.0.0.1:${allowed.port}/final`);
    expect(res.body.toString()).toBe(`ok /final host=127.0.0.1:${allowed.port}`);
  });

  it('refuses a loopback listener that is not allowed, in every spelling, without connecting', async () => {
    const p = internal.port;
    const forms: [string, string][] = [
      [`http://127.0.0.1:${p}/`, 'refused: 127.0.0.1 is a loopback address'],
      [`http://2130706433:${p}/`, 'refused: 127.0.0.1 is a loopback address'],
      [`http://0x7f.1:${p}/`, 'refused: 127.0.0.1 is a loopback address'],
      [`http://[::ffff:127.0.0.1]:${p}/`, 'refused: ::ffff:7f00:1 is an IPv6 form of 127.0.0.1, a loopback address'],
      [`http://[::1]:${p}/`, 'refused: ::1 is a loopback address'],
      [`http://localhost:${p}/`, 'refused: localhost resolves to 127.0.0.1, a loopback address'],
      [`http://0.0.0.0:${p}/`, 'refused: 0.0.0.0 is an unspecified address'],
      [`http://user:pw@127.0.0.1:${allowed.port}/`, 'refused: URLs with credentials are not fetched'],
      ['file:///etc/passwd', 'refused: file: URLs are not fetched (http and https only)'],
    ];
    for (const [url, message] of forms) {
      const err = await safeFetch(url, { allowHosts }).catch((e: unknown) => e);
      expect(err, url).toBeInstanceOf(FetchRefused);
      expect((err as Error).message, url).toBe(message);
    }
    expect(internal.connections).toBe(0);
  });

  it('checks every redirect hop: a redirect to a listener that is not allowed is refused at the hop', async () => {
    for (const path of ['/to-internal', '/to-internal-decimal']) {
      const err = await safeFetch(`http://127.0.0.1:${allowed.port}${path}`, { allowHosts }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FetchRefused);
      expect((err as Error).message).toBe('refused: 127.0.0.1 is a loopback address');
    }
    expect(internal.connections).toBe(0);
    // Manual mode hands the 3xx back unfollowed (the webhook sender and the browser use it).
    const manual = await safeFetch(`http://127.0.0.1:${allowed.port}/to-internal`, { allowHosts, redirect: 'manual' });
    expect(manual.status).toBe(302);
    await expect(safeFetch(`http://127.0.0.1:${allowed.port}/loop`, { allowHosts, maxRedirects: 3 })).rejects.toThrow(
      new FetchFailed('too many redirects'),
    );
  });

  it('resolves a name once and connects to the checked address (no DNS rebinding)', async () => {
    // A resolver that answers loopback (allowed for this name) first and a refused address after.
    const answers = ['127.0.0.1', '192.0.2.1'];
    const asked: string[] = [];
    const rebinding: Resolver = async (host) => {
      asked.push(host);
      return [{ address: answers[Math.min(asked.length - 1, 1)]!, family: 4 }];
    };
    const res = await safeFetch(`http://rebind.invalid:${allowed.port}/pinned`, {
      allowHosts: parseAllowHosts(`rebind.invalid:${allowed.port}`),
      resolve: rebinding,
    });
    expect(res.body.toString()).toBe(`ok /pinned host=rebind.invalid:${allowed.port}`);
    expect(asked).toEqual(['rebind.invalid']);
    // A name that is not allowed and resolves inward is refused before any connection.
    const inward: Resolver = async () => [
      { address: '203.0.113.9', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    await expect(safeFetch(`http://evil.invalid:${internal.port}/`, { allowHosts, resolve: inward })).rejects.toThrow(
      new FetchRefused('refused: evil.invalid resolves to 203.0.113.9, a reserved address'),
    );
    expect(internal.connections).toBe(0);
  });

  it('caps bodies (decoded size too) and times out', async () => {
    const big = await safeFetch(`http://127.0.0.1:${allowed.port}/big`, { allowHosts, maxBodyBytes: 300 * 1024 });
    expect(big.body.length).toBe(300 * 1024);
    expect(big.truncated).toBe(true);
    const bomb = await safeFetch(`http://127.0.0.1:${allowed.port}/gzip`, { allowHosts, maxBodyBytes: 64 * 1024 });
    expect(bomb.decoded).toBe(true);
    expect(bomb.body.length).toBe(64 * 1024);
    expect(bomb.body.every((b) => b === 'z'.charCodeAt(0))).toBe(true);
    await expect(safeFetch(`http://127.0.0.1:${allowed.port}/slow`, { allowHosts, timeoutMs: 300 })).rejects.toThrow(
      new FetchFailed('timed out'),
    );
  });

  it('reports network failures generically', async () => {
    const closed = await listen((_u, res) => res.end());
    await new Promise<void>((r) => closed.server.close(() => r()));
    const err = await safeFetch(`http://127.0.0.1:${closed.port}/`, { allowHosts: parseAllowHosts(`127.0.0.1:${closed.port}`) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FetchFailed);
    expect((err as Error).message).toBe('network error');
  });
});
