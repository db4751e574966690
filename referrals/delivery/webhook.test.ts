import { createServer } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowHosts, type AllowedHost } from '../../core/net/address-policy.ts';
import { generateSigningSecret } from '../secrets.ts';
import { TIMESTAMP_TOLERANCE_SECONDS } from './signature.ts';
import { sendWebhook } from './webhook.ts';

/**
 * What a receiver needs for its own replay protection: a webhook-id per notice (constant across
 * retries of that notice, as Standard Webhooks asks) and a fresh timestamp and signature per
 * attempt, all verifiable with the off-the-shelf library.
 */
describe('outbound webhook deliveries', () => {
  const secret = generateSigningSecret();
  const received: { id: string; timestamp: number; verified: boolean }[] = [];
  let server: ServerType;
  let url: string;
  let allow: AllowedHost[];
  beforeAll(async () => {
    const app = new Hono();
    app.post('/hook', async (c) => {
      const body = await c.req.text();
      const headers = {
        'webhook-id': c.req.header('webhook-id') ?? '',
        'webhook-timestamp': c.req.header('webhook-timestamp') ?? '',
        'webhook-signature': c.req.header('webhook-signature') ?? '',
      };
      let verified = true;
      try {
        new Webhook(secret).verify(body, headers);
      } catch {
        verified = false;
      }
      received.push({ id: headers['webhook-id'], timestamp: Number(headers['webhook-timestamp']), verified });
      return c.json({ ok: true });
    });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/hook`;
    allow = parseAllowHosts(new URL(url).host);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a receiver on an internal address that FETCH_ALLOW_HOSTS does not name, permanently and without connecting', async () => {
    let connections = 0;
    const internal = createServer((_req, res) => res.end('{}'));
    internal.on('connection', () => (connections += 1));
    await new Promise<void>((r) => internal.listen(0, '127.0.0.1', r));
    const port = (internal.address() as { port: number }).port;
    try {
      for (const target of [`http://127.0.0.1:${port}/hook`, `http://2130706433:${port}/hook`]) {
        expect(await sendWebhook(target, secret, '1:post-x', { n: 9 }, allow)).toEqual({
          ok: false,
          permanent: true,
          status: null,
          error: 'webhook refused: 127.0.0.1 is a loopback address',
        });
      }
      expect(connections).toBe(0);
      // Allowed, but answering a redirect: not followed (the hop could lead anywhere), and not retried.
      const redirecting = createServer((_req, res) => res.writeHead(307, { location: `http://127.0.0.1:${port}/hook` }).end());
      await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', r));
      const rport = (redirecting.address() as { port: number }).port;
      const res = await sendWebhook(`http://127.0.0.1:${rport}/hook`, secret, '1:post-y', { n: 10 }, parseAllowHosts(`127.0.0.1:${rport}`));
      await new Promise<void>((r) => redirecting.close(() => r()));
      expect(res).toMatchObject({ ok: false, permanent: true, status: 307 });
      expect(connections).toBe(0);
    } finally {
      await new Promise<void>((r) => internal.close(() => r()));
    }
  });

  it('send one webhook-id per notice, the same on a retry, with a fresh signed timestamp each attempt', async () => {
    expect((await sendWebhook(url, secret, '1:post-a', { n: 1 }, allow)).ok).toBe(true);
    expect((await sendWebhook(url, secret, '1:post-b', { n: 2 }, allow)).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await sendWebhook(url, secret, '1:post-a', { n: 1 }, allow)).ok).toBe(true);

    expect(received.map((r) => r.id)).toEqual(['1:post-a', '1:post-b', '1:post-a']);
    expect(received.every((r) => r.verified)).toBe(true);
    const now = Date.now() / 1000;
    for (const r of received) expect(Math.abs(now - r.timestamp)).toBeLessThan(TIMESTAMP_TOLERANCE_SECONDS);
    // The retry is signed anew at send time, not replayed with the first attempt's timestamp.
    expect(received[2]!.timestamp).toBeGreaterThan(received[0]!.timestamp);
  });
});
