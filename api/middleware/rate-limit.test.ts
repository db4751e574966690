import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { checkedApp } from '../../test/openapi-contract.ts';
import { createLogger } from '../../core/logger.ts';
import { createRedis } from '../../core/queues.ts';
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
    expect(body.error.message).toMatch(
      /unauthenticated requests from (::ffff:)?127\.0\.0\.1 may make 2 requests per 60 s \(RATE_LIMIT_ANONYMOUS\)/,
    );
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

  describe('credentials that do not verify', () => {
    /**
     * Clients told apart by X-Forwarded-For, so each case has its own address and budget. Waits for
     * the app's Redis, so no count goes to the in-memory stand-in used while it connects.
     */
    async function behindProxy(over: Partial<typeof h.config.rateLimit> = {}) {
      const app = anotherProcess({ ...h.config, rateLimit: { ...h.config.rateLimit, trustProxy: true, ...over } });
      await extraRedis.at(-1)!.ping();
      return app;
    }
    const from = (
      app: ReturnType<typeof createApp>,
      ip: string,
      path: string,
      headers: Record<string, string> = {},
      init: RequestInit = {},
    ) => app.request(path, { ...init, headers: { 'x-forwarded-for': ip, ...headers } });

    it('a made-up Bearer key or session cookie counts as anonymous, on public routes too', async () => {
      const app = await behindProxy();
      for (const [ip, headers] of [
        ['10.1.0.1', { authorization: 'Bearer x' }],
        ['10.1.0.2', { cookie: 'tw_session=not-a-key' }],
        ['10.1.0.3', { authorization: 'Basic eDp5' }],
      ] as const) {
        expect((await from(app, ip, '/metrics', headers)).status).toBe(200);
        expect((await from(app, ip, '/metrics', headers)).status).toBe(200);
        const limited = await from(app, ip, '/metrics', headers);
        expect(limited.status).toBe(429);
        expect(((await limited.json()) as ErrorBody).error.message).toMatch(
          new RegExp(`^rate limit exceeded: unauthenticated requests from ${ip.replaceAll('.', '\\.')} may make 2 requests`),
        );
      }
    });

    it('a valid key keeps its own per-key limit, also on a public route, whatever its address has used', async () => {
      const app = await behindProxy();
      expect((await from(app, '10.1.1.1', '/metrics')).status).toBe(200);
      expect((await from(app, '10.1.1.1', '/metrics')).status).toBe(200);
      expect((await from(app, '10.1.1.1', '/metrics')).status).toBe(429);
      const key = await h.key('reviewer');
      const res = await from(app, '10.1.1.1', '/metrics', { authorization: `Bearer ${key}` });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit')).toMatch(/^limit=3, remaining=2,/);
      expect((await from(app, '10.1.1.1', '/v1/review/items', { authorization: `Bearer ${key}` })).headers.get('ratelimit')).toMatch(
        /^limit=3, remaining=1,/,
      );
    });

    it('failed bearer sign-ins are limited per address: after the limit, even a valid key from it gets 429 with Retry-After', async () => {
      const app = await behindProxy({ anonymous: 1_000, signInFailures: 3 });
      const bogus = { authorization: 'Bearer tw_nothere2_abcdefghijklmnopqrstuvwxyz012345' };
      for (let i = 0; i < 3; i++) expect((await from(app, '10.2.0.1', '/v1/review/items', bogus)).status).toBe(401);
      const limited = await from(app, '10.2.0.1', '/v1/review/items', bogus);
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = (await limited.json()) as ErrorBody;
      expect(body.error.message).toMatch(
        /^too many failed sign-ins: 10\.2\.0\.1 may fail 3 times per 60 s \(RATE_LIMIT_SIGN_IN_FAILURES\)/,
      );
      expect(body.error.details).toMatchObject({ scope: 'sign_in_failures', limit: 3, setting: 'RATE_LIMIT_SIGN_IN_FAILURES' });
      const key = await h.key('analyst');
      // Refused unchecked, so the answer says nothing about whether a guess was right.
      expect((await from(app, '10.2.0.1', '/v1/review/items', { authorization: `Bearer ${key}` })).status).toBe(429);
      expect((await from(app, '10.2.0.2', '/v1/review/items', { authorization: `Bearer ${key}` })).status).toBe(200);
      // Anonymous requests from the locked-out address still get the public routes.
      expect((await from(app, '10.2.0.1', '/healthz')).status).toBe(200);
    });

    it('failed sign-ins on the review page form are limited per address, sharing the budget with bearer failures', async () => {
      const app = await behindProxy({ anonymous: 1_000, signInFailures: 3 });
      const signIn = (ip: string, key: string) =>
        from(
          app,
          ip,
          '/review/sign-in',
          { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
          { method: 'POST', body: new URLSearchParams({ key, next: '/review' }).toString() },
        );
      expect((await signIn('10.3.0.1', 'tw_wrong')).status).toBe(401);
      expect((await signIn('10.3.0.1', 'tw_wrong')).status).toBe(401);
      expect((await from(app, '10.3.0.1', '/metrics', { authorization: 'Bearer wrong' })).status).toBe(200); // public route, third failure
      const limited = await signIn('10.3.0.1', await h.key('reviewer'));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.text()).toMatch(/Too many failed sign-ins from your address/);
      const ok = await signIn('10.3.0.2', await h.key('reviewer'));
      expect(ok.status).toBe(303);
    });
  });
});
