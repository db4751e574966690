/**
 * Shared pieces of the OpenAPI-described API: the error body every route answers with, a
 * validation hook that turns zod failures into that body (naming the parameter or field), and a
 * router factory so every route group validates the same way. The document itself is assembled
 * in `routes/docs.ts` from the route groups' zod schemas: what is documented is what is enforced.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from './context.ts';
import { ApiError } from './errors.ts';

export { z };

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad_request' }),
      message: z.string().openapi({ example: 'query minScore: must be at most 1' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

const DESCRIPTIONS = {
  400: 'Invalid input; `message` names the parameter or field',
  401: 'Missing, malformed, unknown or revoked API key',
  403: "The key's role may not use this route",
  404: 'No such item',
  409: 'The item is in a state that does not allow this (claimed by someone else, already decided, lease expired)',
  413: 'Request body too large',
  415: 'Request body must be application/json',
  429: 'Rate limit of the key (or, without one, of the client address) exceeded; see `Retry-After`',
  503: 'The ingest queue (Redis) is unreachable; nothing was accepted, resend after `Retry-After`',
} as const;

/** Error responses for a route, all with the shared body. */
export function errors(...codes: (keyof typeof DESCRIPTIONS)[]) {
  return Object.fromEntries(codes.map((code) => [code, { description: DESCRIPTIONS[code], content: { 'application/json': { schema: ErrorBody } } }])) as Record<
    keyof typeof DESCRIPTIONS,
    { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }
  >;
}

/** Error responses every protected route can give. */
export const AUTH_ERRORS = ['400', '401', '403'] as const;

const WHERE: Record<string, string> = { query: 'query', param: 'path', json: 'body', header: 'header', cookie: 'cookie', form: 'form' };

/** zod failure → 400 `{ error: { code: 'bad_request', message: '<where> <field>: <problem>', details: [...] } }`. */
export function validationHook(result: { target: string; success: boolean; error?: z.ZodError }): void {
  if (result.success || !result.error) return;
  const where = WHERE[result.target] ?? result.target;
  const details = result.error.issues.map((i) => ({ in: where, field: i.path.map(String).join('.') || '(body)', message: i.message }));
  const first = details[0]!;
  throw new ApiError(400, 'bad_request', `${where} ${first.field}: ${first.message}`, details);
}

/** A route group: OpenAPI-described, validating with the shared hook. */
export function router() {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}

/** Query booleans arrive as strings; only `true` / `false` are accepted (not "yes", not "1"). */
export const queryBoolean = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .openapi({ type: 'boolean' });
