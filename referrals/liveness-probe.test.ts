import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowHosts, type AllowedHost } from '../core/net/address-policy.ts';
import { checkLiveness } from './liveness-probe.ts';
import { parseSchedule } from './liveness-schedule.ts';

describe('checkLiveness', () => {
  let server: Server;
  let base: string;
  let allow: { allowHosts: AllowedHost[] };
  /** A listener FETCH_ALLOW_HOSTS does not name: it must never see a connection. */
  let internal: Server;
  let internalPort = 0;
  let internalConnections = 0;
  beforeAll(async () => {
    internal = createServer((_req, res) => res.end('internal'));
    internal.on('connection', () => (internalConnections += 1));
    await new Promise<void>((r) => internal.listen(0, '127.0.0.1', r));
    internalPort = (internal.address() as { port: number }).port;
    server = createServer((req, res) => {
      const routes: Record<string, [number, string]> = {
        '/live': [200, '<h1>Boat to UK this week</h1>'],
        '/gone': [404, 'not found'],
        '/soft-removed': [200, "<p>Sorry, this content isn't available right now</p>"],
        '/broken': [503, 'try later'],
      };
      if (req.url === '/to-internal') {
        res.writeHead(302, { location: `http://127.0.0.1:${internalPort}/admin` }).end();
        return;
      }
      if (req.url === '/huge') {
        // 2 MiB with the removal notice at the end: past the cap, so not read.
        res.writeHead(200, { 'content-type': 'text/html' }).end(`${'x'.repeat(2 * 1024 * 1024)} this content isn't available`);
        return;
      }
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/soft-removed' }).end();
        return;
      }
      const [status, body] = routes[req.url ?? ''] ?? [500, ''];
      res.writeHead(status, { 'content-type': 'text/html' }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    allow = { allowHosts: parseAllowHosts(base.slice('http://'.length)) };
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await new Promise<void>((r) => internal.close(() => r()));
  });

  const patterns = ["this content isn't available", 'page not found'];

  it('reads 404/410/451 as offline, and a 200 page matching a platform pattern as offline too', async () => {
    expect(await checkLiveness(`${base}/live`, patterns, allow)).toMatchObject({ state: 'online', httpStatus: 200 });
    expect(await checkLiveness(`${base}/gone`, patterns, allow)).toMatchObject({ state: 'offline', httpStatus: 404, reason: 'HTTP 404' });
    expect(await checkLiveness(`${base}/soft-removed`, patterns, allow)).toMatchObject({
      state: 'offline',
      httpStatus: 200,
      reason: "page matches /this content isn't available/i",
    });
    // Without the platform's pattern the same page would pass for online.
    expect((await checkLiveness(`${base}/soft-removed`, [], allow)).state).toBe('online');
  });

  it('follows redirects and never counts a flaky answer as a removal', async () => {
    expect(await checkLiveness(`${base}/moved`, patterns, allow)).toMatchObject({ state: 'offline', finalUrl: `${base}/soft-removed` });
    expect(await checkLiveness(`${base}/broken`, patterns, allow)).toMatchObject({ state: 'unknown', httpStatus: 503 });
    expect(
      (await checkLiveness('http://127.0.0.1:1/unreachable', patterns, { allowHosts: parseAllowHosts('127.0.0.1:1'), timeoutMs: 2_000 }))
        .state,
    ).toBe('unknown');
  });

  it('refuses internal addresses (directly, in decimal form, or at a redirect hop) without connecting, and reads a capped body', async () => {
    const refused = { state: 'unknown', httpStatus: null, finalUrl: null, reason: 'refused: 127.0.0.1 is a loopback address' };
    expect(await checkLiveness(`http://127.0.0.1:${internalPort}/admin`, patterns, allow)).toEqual(refused);
    expect(await checkLiveness(`http://2130706433:${internalPort}/admin`, patterns, allow)).toEqual(refused);
    expect(await checkLiveness(`${base}/to-internal`, patterns, allow)).toEqual(refused);
    expect((await checkLiveness(`http://[::ffff:127.0.0.1]:${internalPort}/admin`, patterns, allow)).reason).toMatch(
      /^refused: .* IPv6 form of 127\.0\.0\.1, a loopback address$/,
    );
    expect(internalConnections).toBe(0);
    // The pattern sits past the 256 KiB read: the page counts as online, and only the cap was read.
    expect(await checkLiveness(`${base}/huge`, patterns, allow)).toMatchObject({ state: 'online', httpStatus: 200 });
    expect(await checkLiveness(`${base}/huge`, patterns, { ...allow, maxBodyBytes: 4 * 1024 * 1024 })).toMatchObject({ state: 'offline' });
  });
});

describe('parseSchedule', () => {
  it('expands the default schedule to 1 h, 6 h, 24 h, 72 h, then daily for 14 days', () => {
    const s = parseSchedule('1h,6h,24h,72h,1d*14');
    expect(s.length).toBe(18);
    expect(s.slice(0, 4)).toEqual([3_600_000, 21_600_000, 86_400_000, 259_200_000].map((ms) => expect.closeTo(ms, -3)));
  });

  it('reads `off` as no checks at all', () => {
    expect(parseSchedule('off')).toEqual([]);
  });
});
