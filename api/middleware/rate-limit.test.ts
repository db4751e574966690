import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { checkedApp } from '../../test/openapi-contract.ts';
import { createLogger } from '../../core/logger.ts';
import { createRedis } from '../../workers/queues.ts';
import { startHarness, type Harness } from '../../test/harness.ts';

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };

describe('rate limits', () => {
  let h: Harness;
  const extraRedis: ReturnType<typeof createRedis>[] = [];
  beforeAll(async () => {
    h = await startHarness({ api: true }, { RATE_LIMIT_REVIEWER: '3', RATE_LIMIT_ANONYMOUS: '2', RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(async () => {
    extraRedis.forEach((r) => r.disconnect());
    await h?.close();
  });

  /** A second "API process": its own app and its own Redis connection, same config. */
  function anotherProcess(config = h.config) {
    const redis = createRedis(config.redisUrl);
    extraRedis.push(redis);
    return checkedApp(createApp({ ...h.rt.pipeline, config, redis, log: createLogger('silent') }));
  }
  const get = (app: ReturnType<typeof createApp>, path: string, key?: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } });

  it('limits each key to its role’s limit across API processes, with RateLimit headers and a 429 naming the limit', async () => {
    const a = anotherProcess();
    const b = anotherProcess();
    const key = await h.key('reviewer');
    const first = await get(a, '/v1/review/items', key);
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('3;w=60');
    expect(first.headers.get('ratelimit')).toMatch(/^limit=3, remaining=2, reset=\d+$/);
    expect((await get(b, '/v1/review/items', key)).status).toBe(200);
    expect((await get(a, '/v1/review/items', key)).headers.get('ratelimit')).toMatch(/remaining=0/);

    const limited = await get(b, '/v1/review/items', key);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await limited.json()) as ErrorBody;
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/3 requests per 60 s \(RATE_LIMIT_REVIEWER\)/);
    expect(body.error.details).toMatchObject({ scope: 'reviewer', limit: 3, windowSeconds: 60, setting: 'RATE_LIMIT_REVIEWER' });

    // Another key of the same role has its own budget; the counters live under this runtime's prefix.
    expect((await get(a, '/v1/review/items', await h.key('reviewer'))).status).toBe(200);
    expect(await h.rt.redis.keys(`${h.config.queuePrefix}:ratelimit:reviewer*`)).toHaveLength(2);
  });

  it('uses the role’s own limit: an admin key is not held to the reviewer limit', async () => {
    const app = anotherProcess();
    const key = await h.key('admin');
    for (let i = 0; i < 5; i++) expect((await get(app, '/v1/review/items', key)).status).toBe(200);
    expect((await get(app, '/v1/review/items', key)).headers.get('ratelimit-policy')).toBe('6000;w=60');
  });

  it('limits requests without a valid key per client IP, including bad keys', async () => {
    // Through the real server: the socket's address is the client IP.
    const healthz = () => fetch(`${h.rt.apiUrl}/healthz`);
    expect((await healthz()).status).toBe(200);
    expect((await h.request('GET', '/v1/review/items', { key: 'tw_nothere1_abcdefghijklmnopqrstuvwxyz012345' })).status).toBe(401);
    const limited = await healthz();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await limited.json()) as ErrorBody;
    expect(body.error.message).toMatch(/unauthenticated requests from (::ffff:)?127\.0\.0\.1 may make 2 requests per 60 s \(RATE_LIMIT_ANONYMOUS\)/);
    // A bad key from the same IP is now refused before the database is asked.
    expect((await h.request('GET', '/v1/review/items', { key: 'tw_nothere1_abcdefghijklmnopqrstuvwxyz012345' })).status).toBe(429);
    // A valid key from that IP is counted on its own budget, not the IP's.
    expect((await h.request('GET', '/v1/review/items', { key: await h.key('analyst') })).status).toBe(200);
  });

  it('with RATE_LIMIT_TRUST_PROXY counts the last X-Forwarded-For hop, so clients behind one proxy are told apart', async () => {
    const app = anotherProcess({ ...h.config, rateLimit: { ...h.config.rateLimit, trustProxy: true } });
    const from = (ip: string) => get(app, '/healthz', undefined, { 'x-forwarded-for': `1.2.3.4, ${ip}` });
    expect((await from('10.0.0.1')).status).toBe(200);
    expect((await from('10.0.0.1')).status).toBe(200);
    expect((await from('10.0.0.1')).status).toBe(429);
    expect((await from('10.0.0.2')).status).toBe(200);
  });

  it('RATE_LIMIT=off lets a benchmark through without counting', async () => {
    const app = anotherProcess({ ...h.config, rateLimit: { ...h.config.rateLimit, enabled: false } });
    const key = await h.key('reviewer');
    for (let i = 0; i < 6; i++) {
      const res = await get(app, '/v1/review/items', key);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit')).toBeNull();
    }
  });
});
