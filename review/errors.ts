/**
 * Why a review operation could not happen, in domain terms. The API maps these to HTTP statuses
 * (404 / 409 / 400 / 403); the CLI and the review page can print `message` as is.
 */
export type ReviewErrorKind = 'not_found' | 'conflict' | 'invalid' | 'forbidden';

export class ReviewError extends Error {
  override readonly name = 'ReviewError';
  constructor(
    readonly kind: ReviewErrorKind,
    message: string,
    /** Machine-readable specifics, e.g. `{ holder, leaseExpiresAt }` or `{ field: 'cursor' }`. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const itemNotFound = (id: string) => new ReviewError('not_found', `no review item with id ${id}`, { id });
