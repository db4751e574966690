/**
 * `/readyz` is public: with Redis or the database unreachable it says which one is down, and no
 * more. The raw error (host, port, errno) goes to the log for the operator, never into the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type PoolDb } from '../../core/db/index.ts';
import { PlatformDirectory } from '../../core/platform-directory.ts';
import { isolate, type Isolated } from '../../test/isolation.ts';
import { REDIS_URL } from '../../test/services.ts';
import { closeQueues, createRedis, openQueues, type Queues, type RedisConnection } from '../../core/queues.ts';
import { createApp } from '../app.ts';
import { captureLog } from '../../test/log-capture.ts';
import { freePort } from '../../core/free-port.ts';

describe('GET /readyz', () => {
  let iso: Isolated;
  const redises: RedisConnection[] = [];
  const queueSets: Queues[] = [];
  const dbs: PoolDb[] = [];
  beforeAll(async () => {
    iso = await isolate();
  });
  afterAll(async () => {
    for (const q of queueSets) await closeQueues(q).catch(() => undefined);
    for (const r of redises) r.disconnect();
    for (const d of dbs) await d.close().catch(() => undefined);
    await iso?.cleanup();
  });

  /** An app on the given Redis URL and database; the connections are the app's own kind. */
  async function appWith(redisUrl: string, db: PoolDb) {
    const redis = createRedis(redisUrl);
    redis.on('error', () => undefined);
    redises.push(redis);
    const queues = openQueues(redis, iso.config.queuePrefix);
    for (const q of Object.values(queues)) q.on('error', () => undefined);
    queueSets.push(queues);
    if (redisUrl === REDIS_URL)
      await new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
    const { lines, log } = captureLog('info');
    return { app: createApp({ config: iso.config, db, redis, queues, platforms: new PlatformDirectory(db), log }), lines };
  }

  it('answers 200 with both ok when both answer', async () => {
    const { app } = await appWith(REDIS_URL, iso.db);
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', redis: 'ok', database: 'ok' });
  });

  it('names Redis as down, without the error text, and logs the cause', async () => {
    const port = await freePort(); // nothing listens there
    const { app, lines } = await appWith(`redis://127.0.0.1:${port}`, iso.db);
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'unavailable', redis: 'down', database: 'ok' });
    expect(text).not.toContain(String(port));
    expect(
      lines
        .map((l) => JSON.parse(l) as { msg: string; dependency?: string })
        .filter((e) => e.msg === 'readiness check failed')
        .map((e) => e.dependency),
    ).toEqual(['redis']);
  });

  it('names the database as down, without the error text, and logs the cause', async () => {
    const port = await freePort(); // nothing listens there
    const db = createDb(`postgresql://postgres@127.0.0.1:${port}/tw_readyz_probe`, 1);
    dbs.push(db);
    const { app, lines } = await appWith(REDIS_URL, db);
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'unavailable', redis: 'ok', database: 'down' });
    expect(text).not.toMatch(new RegExp(`${port}|ECONNREFUSED|127\\.0\\.0\\.1|tw_readyz_probe`));
    const logged = lines
      .map((l) => JSON.parse(l) as { msg: string; dependency?: string; err?: string })
      .filter((e) => e.msg === 'readiness check failed');
    expect(logged.map((e) => e.dependency)).toEqual(['database']);
    expect(logged[0]!.err).toBeTruthy();
  });
});
