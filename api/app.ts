/**
 * The HTTP API: one Hono app assembled from route groups. Dependencies are injected per request
 * via `c.var.ctx`, so tests build the app against their own database and queue prefix.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { ApiContext, ApiEnv } from './context.ts';
import { ApiError } from './errors.ts';
import { errorHandler } from './middleware/error-handler.ts';
import { documentedRoutes } from './routes/index.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { httpMetrics } from './middleware/http-metrics.ts';
import { requestLog } from './middleware/request-log.ts';
import { createMetrics } from '../core/metrics.ts';
import { reviewPageRoutes } from './pages/review/routes.tsx';
import { adminQueuesRoutes } from './routes/admin-queues.ts';

/** 1,000 posts of typical length fit well within this; the text limit is enforced per post. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function createApp(ctx: ApiContext) {
  const app = new Hono<ApiEnv>();
  app.onError(errorHandler(ctx.log));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404));
  const metrics = createMetrics(ctx);
  app.use(requestId());
  app.use(requestLog(ctx.log));
  app.use(httpMetrics(metrics.httpDuration));
  app.use(async (c, next) => {
    c.set('ctx', ctx);
    await next();
  });
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `request body exceeds ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );
  app.route('/', metricsRoutes(metrics));
  // Health, posts, review, audit, /openapi.json and /docs (one OpenAPI document).
  app.route('/', documentedRoutes());
  // Browser pages (session cookie) and the admins' queue dashboard.
  app.route('/', reviewPageRoutes());
  app.route('/', adminQueuesRoutes(ctx.queues));
  return app;
}
