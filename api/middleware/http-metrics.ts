import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Histogram } from 'prom-client';

/** Records each request's latency, labelled by the matched route pattern (not the raw path). */
export function httpMetrics(histogram: Histogram<'method' | 'route' | 'status'>): MiddlewareHandler {
  return async (c, next) => {
    const end = histogram.startTimer();
    try {
      await next();
    } finally {
      // The last matched route is the handler's pattern; a lone '/*' means only middleware matched.
      const route = routePath(c, -1);
      end({ method: c.req.method, route: route && route !== '/*' ? route : 'unmatched', status: String(c.res.status) });
    }
  };
}
