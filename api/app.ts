/**
 * The HTTP API: one Hono app assembled from route groups. Dependencies are injected per request
 * via `c.var.ctx`, so tests build the app against their own database and queue prefix.
 */
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { ApiContext, ApiEnv } from './context.ts';
import { DEFAULT_MAX_BODY_BYTES, limitBody } from './middleware/body-limit.ts';
import { limitAnonymous } from './middleware/rate-limit.ts';
import { refuseUnstorableUrl, screenBody } from './middleware/unstorable-input.ts';
import { SESSION_COOKIE, sessionPrincipal } from './pages/session.ts';
import { errorHandler } from './middleware/error-handler.ts';
import { documentedRoutes } from './routes/index.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { httpMetrics } from './middleware/http-metrics.ts';
import { requestLog } from './middleware/request-log.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { createMetrics } from '../core/metrics.ts';
import { networkPageRoutes } from './pages/networks/routes.tsx';
import { reviewPageRoutes } from './pages/review/routes.tsx';
import { analyticsPageRoutes } from './pages/analytics/routes.tsx';
import { platformPageRoutes } from './pages/platform/routes.tsx';
import { adminQueuesRoutes } from './routes/admin-queues.ts';
import { queueCountsCache } from '../review/counts-cache.ts';

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
  app.use(securityHeaders());
  // Ingest batches may be large (API_INGEST_MAX_BODY_BYTES; the text limit is enforced per post);
  // every other body is small. Route groups narrow this further (api/routes/index.ts).
  const ingestBody = limitBody(ctx.config.ingestMaxBodyBytes, 'POST /v1/posts (API_INGEST_MAX_BODY_BYTES)');
  const otherBody = limitBody(DEFAULT_MAX_BODY_BYTES, 'this route');
  app.use((c, next) => (c.req.path === '/v1/posts' ? ingestBody(c, next) : otherBody(c, next)));
  app.use(limitAnonymous(SESSION_COOKIE, sessionPrincipal));
  // NUL bytes and lone surrogates (PostgreSQL cannot store them) and deeply nested JSON are
  // refused here with a 400 naming the parameter or field; ingest checks its posts per record.
  app.use(refuseUnstorableUrl());
  app.use(screenBody({ readByRoute: (path) => path === '/v1/posts' }));
  // A reviewer's own claim or decision shows in the queue counts at once (review/counts-cache.ts).
  app.use(async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && (c.req.path.startsWith('/v1/review/') || c.req.path.startsWith('/review'))) {
      queueCountsCache(ctx.db, ctx.config.reviewCountsCacheMs).clear();
    }
  });
  app.route('/', metricsRoutes(metrics));
  // Health, posts, review, audit, /openapi.json and /docs (one OpenAPI document).
  app.route('/', documentedRoutes());
  // Browser pages (session cookie) and the admins' queue dashboard.
  app.route('/', reviewPageRoutes());
  app.route('/', networkPageRoutes());
  app.route('/', analyticsPageRoutes());
  app.route('/', platformPageRoutes());
  app.route('/', adminQueuesRoutes(ctx.queues));
  return app;
}
