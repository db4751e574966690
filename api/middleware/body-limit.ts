/**
 * Request body size limits. Each route group gets the smallest limit its real bodies fit in, so an
 * oversized body is refused while it streams in (by Content-Length when given, otherwise once the
 * counted bytes pass the limit) and never buffered whole. A refusal is a 413 naming the limit.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

/** Review bodies are small: a bulk decision of 500 ids is ~20 KB. */
export const REVIEW_MAX_BODY_BYTES = 256 * 1024;
/** A platform's status report is a few hundred bytes (a reason is at most 2,000 characters). */
export const PLATFORM_MAX_BODY_BYTES = 64 * 1024;
/** Anything else that takes a body (review-page forms, admin dashboard actions). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const human = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;

/** A body limit whose 413 says which limit was hit: `request body is larger than 64 KiB (65536 bytes), the limit for platform reports`. */
export function limitBody(maxSize: number, what: string): MiddlewareHandler<ApiEnv> {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      // The rest of the body is not read: say the connection ends here rather than leave a client
      // that reuses it (it was keep-alive) to find it closed (Node does, past a few hundred KiB).
      c.header('Connection', 'close');
      throw new ApiError(
        413,
        'payload_too_large',
        `request body is larger than ${human(maxSize)} (${maxSize} bytes), the limit for ${what}`,
        {
          limitBytes: maxSize,
        },
      );
    },
  });
}
