/**
 * A fake platform for referral tests: a Hono server on a random port that receives notices
 * (verifying Standard Webhooks signatures with the off-the-shelf `standardwebhooks` library and
 * deduplicating on webhook-id, as a real receiver should), serves post pages, and answers 404 or
 * an "unavailable" page for posts the test marks removed. `failNext` makes it answer 500.
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { Webhook } from 'standardwebhooks';
import type { PoolDb } from '../core/db/index.ts';
import { upsertPlatform } from '../referrals/platforms.ts';

export interface FakePlatform {
  url: string;
  /** `127.0.0.1:<port>`: what a test puts in FETCH_ALLOW_HOSTS so the SSRF rule lets Tidewatch reach it. */
  hostPort: string;
  /** Every notice that verified, one per webhook-id. */
  notices: Map<string, unknown>;
  /** Every delivery attempt: status answered and whether the signature verified. */
  attempts: { webhookId: string | undefined; status: number; verified: boolean }[];
  /** performance.now() of this process when each webhook-id first arrived verified (bench/latency.ts times delivery by it). */
  receivedAt: Map<string, number>;
  failNext: number;
  removed: Set<string>;
  close(): Promise<void>;
}

export async function startFakePlatform(secret: string): Promise<FakePlatform> {
  const wh = new Webhook(secret);
  const fake: Omit<FakePlatform, 'url' | 'hostPort' | 'close'> = {
    notices: new Map(),
    attempts: [],
    receivedAt: new Map(),
    failNext: 0,
    removed: new Set(),
  };
  const app = new Hono();
  app.post('/hooks/referrals', async (c) => {
    const arrived = performance.now();
    const body = await c.req.text();
    const webhookId = c.req.header('webhook-id');
    let verified = false;
    try {
      wh.verify(body, {
        'webhook-id': webhookId ?? '',
        'webhook-timestamp': c.req.header('webhook-timestamp') ?? '',
        'webhook-signature': c.req.header('webhook-signature') ?? '',
      });
      verified = true;
    } catch {
      fake.attempts.push({ webhookId, status: 401, verified });
      return c.json({ error: 'bad signature' }, 401);
    }
    if (fake.failNext > 0) {
      fake.failNext -= 1;
      fake.attempts.push({ webhookId, status: 500, verified });
      return c.json({ error: 'try later' }, 500);
    }
    fake.attempts.push({ webhookId, status: 200, verified });
    if (!fake.notices.has(webhookId!)) {
      fake.notices.set(webhookId!, JSON.parse(body));
      fake.receivedAt.set(webhookId!, arrived);
    }
    return c.json({ ticketId: `TICKET-${fake.notices.size}` });
  });
  app.get('/posts/:id', (c) => {
    const id = c.req.param('id');
    if (fake.removed.has(id))
      return id.startsWith('soft') ? c.html('<h1>This content isn’t available right now</h1>') : c.html('<h1>Not found</h1>', 404);
    return c.html(`<html><body><h1>Post ${id}</h1><p>Boat to UK this week, WhatsApp +44 7700 900123</p></body></html>`);
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Points a platform's webhook delivery at a fake platform, signed with `secret`. */
export async function useFakePlatform(db: PoolDb, platform: string, fake: FakePlatform, secret: string): Promise<void> {
  await upsertPlatform(
    db,
    platform,
    { deliveryMode: 'webhook', webhookUrl: `${fake.url}/hooks/referrals`, signingSecret: secret },
    undefined,
    false,
  );
}
