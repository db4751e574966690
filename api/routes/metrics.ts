import { Hono } from 'hono';
import type { Metrics } from '../../core/metrics.ts';
import type { ApiEnv } from '../context.ts';

/** `GET /metrics` in the Prometheus text format, for a scraper on the operators' network. */
export function metricsRoutes(metrics: Metrics) {
  const app = new Hono<ApiEnv>();
  app.get('/metrics', async (c) => {
    const body = await metrics.registry.metrics();
    return c.body(body, 200, { 'content-type': metrics.registry.contentType });
  });
  return app;
}
