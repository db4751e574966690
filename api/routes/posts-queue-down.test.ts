/**
 * POST /v1/posts while Redis is away: an immediate 503 with Retry-After that says nothing was
 * accepted, rather than a request that hangs until the client gives up not knowing.
 */
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/keys.ts';
import { createLogger } from '../../core/logger.ts';
import { PlatformDirectory } from '../../core/platform-directory.ts';
import { makePost } from '../../test/harness.ts';
import { isolate, type Isolated } from '../../test/isolation.ts';
import { closeQueues, openQueues, type Queues } from '../../core/queues.ts';
import { createApp } from '../app.ts';
import { checkedApp } from '../../test/openapi-contract.ts';

/** A port nothing listens on (taken, then released). */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe('POST /v1/posts with the queue unreachable', () => {
  let iso: Isolated;
  let redis: Redis;
  let queues: Queues;
  let app: ReturnType<typeof createApp>;
  let key: string;
  beforeAll(async () => {
    iso = await isolate();
    redis = new Redis(`redis://127.0.0.1:${await deadPort()}`, { maxRetriesPerRequest: null, retryStrategy: () => 200 });
    redis.on('error', () => undefined);
    queues = openQueues(redis, iso.config.queuePrefix);
    for (const q of Object.values(queues)) q.on('error', () => undefined);
    app = checkedApp(
      createApp({ config: iso.config, db: iso.db, redis, queues, platforms: new PlatformDirectory(iso.db), log: createLogger('silent') }),
    );
    key = (await createApiKey(iso.db, { role: 'ingest', name: 'test', createdBy: 'test' })).key;
  });
  afterAll(async () => {
    await closeQueues(queues).catch(() => undefined);
    redis.disconnect();
    await iso?.cleanup();
  });

  it('answers 503 at once with Retry-After, naming the queue, and accepts nothing', async () => {
    const started = Date.now();
    const res = await app.request('/v1/posts', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(makePost('Boat to UK this week, WhatsApp +44 7700 900456')),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('queue_unavailable');
    expect(body.error.message).toMatch(/Redis.*no post was accepted/);
    expect(await iso.db.prisma.post.count()).toBe(0);
  });
});
