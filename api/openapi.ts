/**
 * Shared pieces of the OpenAPI-described API: the error body every route answers with, a
 * validation hook that turns zod failures into that body (naming the parameter or field), and a
 * router factory so every route group validates the same way. The document itself is assembled
 * in `routes/docs.ts` from the route groups' zod schemas: what is documented is what is enforced.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { regexes } from 'zod';
import type { ApiEnv } from './context.ts';
import { ApiError } from './errors.ts';

export { z };

/**
 * The pattern zod's `z.iso.datetime({ offset: true })` checks, for /openapi.json to state the same
 * rule: JSON Schema's `date-time` alone also allows a space for `T`, lower case and leap seconds.
 */
export const DATETIME_PATTERN = regexes.datetime({ offset: true }).source;

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
  return Object.fromEntries(
    codes.map((code) => [code, { description: DESCRIPTIONS[code], content: { 'application/json': { schema: ErrorBody } } }]),
  ) as Record<keyof typeof DESCRIPTIONS, { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }>;
}

/** Error responses every protected route can give. */
export const AUTH_ERRORS = ['400', '401', '403'] as const;

const WHERE: Record<string, string> = { query: 'query', param: 'path', json: 'body', header: 'header', cookie: 'cookie', form: 'form' };

/** zod failure → 400 `{ error: { code: 'bad_request', message: '<where> <field>: <problem>', details: [...] } }`. */
export function validationHook(result: { target: string; success: boolean; error?: z.ZodError; data?: unknown }): void {
  const where = WHERE[result.target] ?? result.target;
  // Text PostgreSQL cannot store (NUL, lone surrogates) was refused before any route ran
  // (api/middleware/unstorable-input.ts).
  if (result.success || !result.error) return;
  const details = result.error.issues.map((i) => ({ in: where, field: i.path.map(String).join('.') || '(body)', message: i.message }));
  const first = details[0]!;
  throw new ApiError(400, 'bad_request', `${where} ${first.field}: ${first.message}`, details);
}

type DocumentedRoute = Parameters<OpenAPIHono['openAPIRegistry']['registerPath']>[0];

/** Rate-limited answers carry these (api/middleware/rate-limit.ts). */
const RATE_LIMIT_HEADERS = {
  'Retry-After': { description: 'Seconds until the window resets', schema: { type: 'integer' as const } },
  RateLimit: { description: '`limit=<n>, remaining=<n>, reset=<seconds>`', schema: { type: 'string' as const } },
  'RateLimit-Policy': { description: '`<limit>;w=<window seconds>`', schema: { type: 'string' as const } },
};

/**
 * The answers the shared middleware can give on a route, derived from the route's own definition
 * so no route (nor one added later) can leave them out of /openapi.json:
 * - 429 on every route: `limitAnonymous` counts requests without a credential, `requireRole` per key;
 * - 401 and 403 where a key is required (`security`, set by `secured()`: `requireRole`);
 * - 400 on every route: text PostgreSQL cannot store (a NUL, a lone surrogate) in any query or path
 *   parameter, cookie or body is refused before the route runs (api/middleware/unstorable-input.ts),
 *   and validated parameters and bodies are checked by the validation hook;
 * - 413 on every method that carries a body (`limitBody` in app.ts and routes/index.ts);
 * - 415 where a JSON body is declared (the validator's media-type gate; `POST /v1/posts` checks the same).
 * A route without `security` is public and says so (`security: []`). Responses the route lists
 * itself are kept as they are.
 */
export function withCommonResponses<R extends DocumentedRoute>(route: R): R {
  const codes: (keyof typeof DESCRIPTIONS)[] = [400, 429];
  const secured = (route.security ?? []).length > 0;
  if (secured) codes.push(401, 403);
  const req = route.request;
  if (route.method !== 'get' && route.method !== 'head') codes.push(413);
  if (req?.body) codes.push(415);
  const responses: Record<string, object> = { ...route.responses };
  for (const [code, response] of Object.entries(errors(...codes))) responses[code] ??= response;
  responses[429] = { ...responses[429], headers: RATE_LIMIT_HEADERS };
  if (responses[413])
    responses[413] = {
      ...responses[413],
      headers: { Connection: { description: '`close`: the rest of the body is not read', schema: { type: 'string', enum: ['close'] } } },
    };
  return {
    ...route,
    security: route.security ?? [],
    operationId: route.operationId ?? operationIdFor(route.method, route.path),
    responses,
  };
}

/** `get /v1/review/items/{id}` → `getV1ReviewItemsById`: stable, unique per method and path. */
function operationIdFor(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith('{') ? `by-${part.slice(1, -1)}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * A route group: OpenAPI-described, validating with the shared hook. Every route it registers
 * (`app.openapi(...)` or `openAPIRegistry.registerPath(...)`) is documented with the common
 * responses above.
 */
export function router() {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const registry = app.openAPIRegistry;
  const register = registry.registerPath.bind(registry);
  registry.registerPath = (route) => register(withCommonResponses(route));
  return app;
}

/** Query booleans arrive as strings; only `true` / `false` are accepted (not "yes", not "1"). */
export const queryBoolean = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .openapi({ type: 'boolean' });
