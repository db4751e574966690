/**
 * Why a review operation could not happen, in domain terms. The API maps the kind to an HTTP
 * status (404 / 409 / 400 / 403); the CLI and the review page can print `message` as is.
 */
import { DomainError } from '../core/errors.ts';

export type ReviewErrorKind = 'not_found' | 'conflict' | 'bad_request' | 'forbidden';

export class ReviewError extends DomainError {
  override readonly name = 'ReviewError';
  declare readonly kind: ReviewErrorKind;
  declare readonly details?: Record<string, unknown>;
  constructor(
    kind: ReviewErrorKind,
    message: string,
    /** Machine-readable specifics, e.g. `{ holder, leaseExpiresAt }` or `{ field: 'cursor' }`. */
    details?: Record<string, unknown>,
  ) {
    super(kind, message, details);
  }
}

export const itemNotFound = (id: string) => new ReviewError('not_found', `no review item with id ${id}`, { id });
