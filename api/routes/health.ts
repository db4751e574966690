import { Hono } from 'hono';
import type { ApiEnv } from '../context.ts';

/** Liveness (the process answers) and readiness (Redis and the database answer). */
export function healthRoutes() {
  const app = new Hono<ApiEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const { redis, db } = c.var.ctx;
    const check = async (fn: () => Promise<unknown>) => fn().then(() => 'ok' as const, (e: Error) => e.message);
    const [redisState, dbState] = await Promise.all([check(() => redis.ping()), check(() => db.$queryRaw`SELECT 1`)]);
    const ok = redisState === 'ok' && dbState === 'ok';
    return c.json({ status: ok ? 'ready' : 'unavailable', redis: redisState, database: dbState }, ok ? 200 : 503);
  });
  return app;
}
