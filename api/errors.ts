import { DomainError, type ErrorKind } from '../core/errors.ts';

const KIND_OF_STATUS = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'too_many_requests',
  503: 'unavailable',
} as const satisfies Record<number, ErrorKind>;

export type ApiErrorStatus = keyof typeof KIND_OF_STATUS;

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
