import { createRoute } from '@hono/zod-openapi';
import { router, z } from '../openapi.ts';

const Health = z.object({ status: z.literal('ok') }).openapi('Health');
const Ready = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    redis: z.string().openapi({ description: '`ok` or the error' }),
    database: z.string().openapi({ description: '`ok` or the error' }),
  })
  .openapi('Readiness');

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'Liveness: the process answers',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: Health } } } },
});

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['operations'],
  summary: 'Readiness: Redis and the database answer',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Ready } } },
    503: { description: 'A dependency does not answer', content: { 'application/json': { schema: Ready } } },
  },
});

/** Liveness (the process answers) and readiness (Redis and the database answer). Public: load balancers call them. */
export function healthRoutes() {
  const app = router();
  app.openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyz, async (c) => {
    const { redis, db } = c.var.ctx;
    const check = async (fn: () => Promise<unknown>) => fn().then(() => 'ok' as const, (e: Error) => e.message);
    const [redisState, dbState] = await Promise.all([check(() => redis.ping()), check(() => db.$queryRaw`SELECT 1`)]);
    const ok = redisState === 'ok' && dbState === 'ok';
    return ok
      ? c.json({ status: 'ready' as const, redis: redisState, database: dbState }, 200)
      : c.json({ status: 'unavailable' as const, redis: redisState, database: dbState }, 503);
  });
  return app;
}
