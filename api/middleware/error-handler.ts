import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../../core/logger.ts';
import { ReviewError } from '../../review/errors.ts';
import { ApiError } from '../errors.ts';

const REVIEW_STATUS = { not_found: 404, conflict: 409, invalid: 400, forbidden: 403 } as const;
const HTTP_CODES: Record<number, string> = { 400: 'bad_request', 413: 'payload_too_large', 415: 'unsupported_media_type' };

/** The one mapping from thrown errors to responses: `{ error: { code, message, details? } }`. */
export function errorHandler(log: Logger): ErrorHandler {
  return (err, c) => {
    if (err instanceof ApiError) {
      return c.json({ error: { code: err.code, message: err.message, details: err.details } }, err.status);
    }
    if (err instanceof ReviewError) {
      const code = err.kind === 'invalid' ? 'bad_request' : err.kind;
      return c.json({ error: { code, message: err.message, details: err.details } }, REVIEW_STATUS[err.kind]);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = HTTP_CODES[status] ?? 'http_error';
      // The validator's own 415 text ("Unsupported Media Type") does not say which header or what it wants.
      const message =
        status === 415 ? `header content-type: must be application/json, not ${JSON.stringify(c.req.header('content-type') ?? '')}` : err.message || 'request rejected';
      return c.json({ error: { code, message } }, status);
    }
    log.error({ err, path: c.req.path }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  };
}
