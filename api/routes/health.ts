import { createRoute } from '@hono/zod-openapi';
import { router, z } from '../openapi.ts';

const Health = z.object({ status: z.literal('ok') }).openapi('Health');
const DependencyState = z.enum(['ok', 'down']);
const Ready = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    redis: DependencyState.openapi({ description: '`ok`, or `down` (the cause is in the server log, not here: this route is public)' }),
    database: DependencyState.openapi({ description: '`ok`, or `down` (the cause is in the server log, not here: this route is public)' }),
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

/** A dependency that has not answered in this long counts as down (a load balancer's probe must not hang). */
export const READINESS_TIMEOUT_MS = 2_000;

/** Liveness (the process answers) and readiness (Redis and the database answer). Public: load balancers call them. */
export function healthRoutes() {
  const app = router();
  app.openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyz, async (c) => {
    const { redis, db, log } = c.var.ctx;
    // Answers only ok/down: raw error text (hosts, ports, database and role names) stays in the log.
    const check = async (dependency: string, fn: () => Promise<unknown>): Promise<'ok' | 'down'> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
      });
      try {
        await Promise.race([fn(), timeout]);
        return 'ok';
      } catch (err) {
        log.warn({ dependency, err: (err as Error).message }, 'readiness check failed');
        return 'down';
      } finally {
        clearTimeout(timer);
      }
    };
    // A disconnected ioredis client queues commands until it reconnects; it is down, not slow.
    const pingRedis = async () => {
      if (redis.status !== 'ready') throw new Error(`redis connection is ${redis.status}`);
      return redis.ping();
    };
    const [redisState, dbState] = await Promise.all([check('redis', pingRedis), check('database', () => db.query`SELECT 1`)]);
    const ok = redisState === 'ok' && dbState === 'ok';
    return ok
      ? c.json({ status: 'ready' as const, redis: redisState, database: dbState }, 200)
      : c.json({ status: 'unavailable' as const, redis: redisState, database: dbState }, 503);
  });
  return app;
}
