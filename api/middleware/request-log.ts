import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../core/logger.ts';

/**
 * One structured line per request with its request id. Headers are never logged, so keys in
 * `Authorization` cannot leak; the logger's redaction covers objects logged elsewhere.
 */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const entry = {
      reqId: c.get('requestId' as never) as string | undefined,
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status >= 500) log.error(entry, 'request failed');
    else log.info(entry, 'request');
  };
}
