import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorKind } from '../core/errors.ts';

/** The one place a domain error's kind becomes an HTTP status (the error handler and the pages use it). */
export const STATUS_OF_KIND = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  unavailable: 503,
} as const satisfies Record<ErrorKind, ContentfulStatusCode>;

export type ApiErrorStatus = (typeof STATUS_OF_KIND)[ErrorKind];

/** The same table read the other way, for errors spelled by status. */
const KIND_OF_STATUS = Object.fromEntries(Object.entries(STATUS_OF_KIND).map(([kind, status]) => [status, kind])) as Record<
  ApiErrorStatus,
  ErrorKind
>;

/**
 * A refusal that only exists at the HTTP edge (a header, a body limit, a rate limit), spelled by
 * status; a DomainError like the rest, so the one error handler answers it.
 */
export class ApiError extends DomainError {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ApiErrorStatus,
    code: string,
    message: string,
    details?: unknown,
  ) {
    super(KIND_OF_STATUS[status], message, details, code);
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'bad_request', message, details);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
