/**
 * The one error base of the domain: every refusal a caller can act on (an unknown id, a state that
 * does not allow the move, a role that may not, bad input, a dependency that is down) is a
 * DomainError with a `kind`. The API maps kinds to HTTP statuses in one place
 * (api/middleware/error-handler.ts); the CLI prints `message`; the review pages show it.
 */

/** What went wrong, in terms every caller understands; the HTTP status follows from it. */
export type ErrorKind =
  'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large' | 'too_many_requests' | 'unavailable';

export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  /** The machine-readable `error.code` clients see; the kind unless a subclass says more (`rate_limited`). */
  readonly code: string;
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** Machine-readable specifics, e.g. `{ holder, leaseExpiresAt }` or a list of field errors. */
    readonly details?: unknown,
    code?: string,
  ) {
    super(message);
    this.code = code ?? kind;
  }
}
