/**
 * The pages' side of the one error mapping: a domain error becomes the message a page shows and
 * the status the error handler would answer with; anything else is rethrown to the error handler.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorKind } from '../../core/errors.ts';
import { STATUS_OF_KIND } from '../errors.ts';

export interface PageError {
  message: string;
  status: ContentfulStatusCode;
}

/** Returns what to show for `err` when it is a DomainError (of one of `kinds`, if given); rethrows it otherwise. */
export function pageError(err: unknown, ...kinds: ErrorKind[]): PageError {
  if (!(err instanceof DomainError) || (kinds.length && !kinds.includes(err.kind))) throw err;
  return { message: err.message, status: STATUS_OF_KIND[err.kind] };
}
