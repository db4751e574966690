import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { createLogger } from '../../core/logger.ts';
import { RegistryError } from '../../model-registry/store.ts';
import { BenignContactError } from '../../networks/benign.ts';
import { ActionDayError } from '../../referrals/action-day.ts';
import { TransitionError } from '../../referrals/lifecycle.ts';
import { PlatformError } from '../../referrals/platforms.ts';
import { ReviewError } from '../../review/errors.ts';
import { KeyError } from '../auth/keys.ts';
import { SessionError } from '../auth/sessions.ts';
import { ApiError, badRequest, notFound } from '../errors.ts';
import { pageError } from '../pages/page-error.ts';
import { errorHandler } from './error-handler.ts';

type Body = { error: { code: string; message: string; details?: unknown } };

/** Every error class the domain throws, and the status, code and details a client sees for it. */
const CASES: [label: string, err: Error, status: number, code: string, details?: unknown][] = [
  [
    'ApiError 400 (validation)',
    new ApiError(400, 'bad_request', 'query limit: too big', [{ in: 'query', field: 'limit' }]),
    400,
    'bad_request',
    [{ in: 'query', field: 'limit' }],
  ],
  ['badRequest()', badRequest('body empty'), 400, 'bad_request'],
  [
    'ApiError 401',
    new ApiError(401, 'unauthorized', 'missing key', { reason: 'missing_headers' }),
    401,
    'unauthorized',
    { reason: 'missing_headers' },
  ],
  ['ApiError 403', new ApiError(403, 'forbidden', 'role reviewer may not'), 403, 'forbidden'],
  ['notFound()', notFound('no referral x'), 404, 'not_found'],
  [
    'ApiError 409 (replay)',
    new ApiError(409, 'conflict', 'webhook-id replayed', { webhookId: 'w1' }),
    409,
    'conflict',
    { webhookId: 'w1' },
  ],
  ['ApiError 413', new ApiError(413, 'payload_too_large', 'too large', { limitBytes: 10 }), 413, 'payload_too_large', { limitBytes: 10 }],
  ['ApiError 429', new ApiError(429, 'rate_limited', 'slow down', { scope: 'key' }), 429, 'rate_limited', { scope: 'key' }],
  ['ApiError 503', new ApiError(503, 'queue_unavailable', 'redis down'), 503, 'queue_unavailable'],
  ['ReviewError not_found', new ReviewError('not_found', 'no review item with id x', { id: 'x' }), 404, 'not_found', { id: 'x' }],
  ['ReviewError conflict', new ReviewError('conflict', 'claimed by r2', { holder: 'r2' }), 409, 'conflict', { holder: 'r2' }],
  [
    'ReviewError bad_request',
    new ReviewError('bad_request', 'cursor is malformed', { field: 'cursor' }),
    400,
    'bad_request',
    { field: 'cursor' },
  ],
  ['ReviewError forbidden', new ReviewError('forbidden', 'only leads'), 403, 'forbidden'],
  ['TransitionError not_found', new TransitionError('not_found', 'no referral r1'), 404, 'not_found'],
  [
    'TransitionError illegal',
    new TransitionError('illegal_transition', 'referral r1 is sent', 'sent'),
    409,
    'conflict',
    { current: 'sent' },
  ],
  ['BenignContactError bad_request', new BenignContactError('bad_request', 'contact: not a phone'), 400, 'bad_request'],
  ['BenignContactError not_found', new BenignContactError('not_found', 'contact is not marked benign'), 404, 'not_found'],
  ['ActionDayError', new ActionDayError('unknown platform "x"'), 400, 'bad_request'],
  ['PlatformError', new PlatformError('--webhook-url must be an http(s) URL'), 400, 'bad_request'],
  ['KeyError', new KeyError('a key needs a name'), 400, 'bad_request'],
  ['KeyError not_found', new KeyError('no key with id "x"', 'not_found'), 404, 'not_found'],
  ['SessionError', new SessionError('session id "x" is not a UUID'), 400, 'bad_request'],
  ['RegistryError', new RegistryError('model v1 is already live', 'conflict'), 409, 'conflict'],
  ['DomainError unavailable', new DomainError('unavailable', 'the database is not reachable'), 503, 'unavailable'],
  ['HTTPException 415', new HTTPException(415), 415, 'unsupported_media_type'],
  ['HTTPException 400', new HTTPException(400, { message: 'Malformed JSON in request body' }), 400, 'bad_request'],
  ['anything else', new Error('boom: secret detail'), 500, 'internal'],
];

function appThrowing(): Hono {
  const app = new Hono();
  app.onError(errorHandler(createLogger('silent')));
  for (const [i, [, err]] of CASES.entries()) {
    app.get(`/case/${i}`, () => {
      throw err;
    });
  }
  return app;
}

describe('error handler: one mapping from error to response', () => {
  const app = appThrowing();
  it.each(CASES.map((c, i) => [c[0], i] as const))('%s', async (_label, i) => {
    const [, err, status, code, details] = CASES[i]!;
    const res = await app.request(`/case/${i}`);
    expect(res.status).toBe(status);
    const body = (await res.json()) as Body;
    expect(body.error.code).toBe(code);
    if (status === 500) expect(body.error.message).toBe('internal error');
    else if (!(err instanceof HTTPException)) expect(body.error.message).toBe(err.message);
    if (details === undefined) expect(body.error).not.toHaveProperty('details');
    else expect(body.error.details).toEqual(details);
  });

  it('keeps the classes callers test for: instanceof, name and kind', () => {
    const err = new TransitionError('illegal_transition', 'no', 'queued');
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('TransitionError');
    expect([err.kind, err.reason, err.current]).toEqual(['conflict', 'illegal_transition', 'queued']);
    expect(new ReviewError('bad_request', 'x').name).toBe('ReviewError');
    expect(new KeyError('x').name).toBe('KeyError');
  });
});

describe('pageError: the pages use the same mapping', () => {
  it('gives the message and the status the API would answer with', () => {
    for (const [, err, status] of CASES.filter(([, e]) => e instanceof DomainError)) {
      expect(pageError(err)).toEqual({ message: err.message, status });
    }
  });
  it('rethrows what is not a domain error, or not of the kinds asked for', () => {
    const boom = new Error('boom');
    expect(() => pageError(boom)).toThrow(boom);
    const missing = notFound('no such thing');
    expect(() => pageError(missing, 'bad_request')).toThrow(missing);
    expect(pageError(badRequest('query from: not a date'), 'bad_request')).toEqual({ message: 'query from: not a date', status: 400 });
  });
});
