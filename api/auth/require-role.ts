/**
 * Per-route authorisation: `requireRole('admin', 'lead')` authenticates the bearer key and lets
 * only those roles through. Every protected route declares its roles with `secured(...)` so the
 * OpenAPI document (`x-roles`) and the role × route test read the same list the middleware
 * enforces. Keys are never logged: the logger redacts `authorization`, and errors do not echo
 * the presented key.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { authenticateCached } from './key-cache.ts';
import type { Principal, Role } from './keys.ts';
import { rateLimitsOf } from '../middleware/rate-limit.ts';

const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message);

export function requireRole(...roles: Role[]): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      // Counted per IP by limitAnonymous already.
      c.header('WWW-Authenticate', 'Bearer realm="tidewatch"');
      throw unauthorized('missing Authorization header; send "Authorization: Bearer <API key>"');
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) {
      await rateLimitsOf(c).signInFailed(c);
      await rateLimitsOf(c).forIp(c);
      c.header('WWW-Authenticate', 'Bearer realm="tidewatch", error="invalid_request"');
      throw unauthorized('Authorization header must be "Bearer <API key>"');
    }
    const principal = await authenticateCached(c.var.ctx, m[1]!);
    if (!principal) {
      // Bad keys count against the caller's IP, so guessing keys costs the guesser, not a real key
      // (limitAnonymous has counted this request already; nothing is counted twice).
      await rateLimitsOf(c).signInFailed(c);
      await rateLimitsOf(c).forIp(c);
      c.header('WWW-Authenticate', 'Bearer realm="tidewatch", error="invalid_token"');
      throw unauthorized('API key is not valid (unknown, malformed or revoked)');
    }
    await rateLimitsOf(c).forKey(c, principal);
    c.set('principal', principal);
    if (!roles.includes(principal.role)) {
      throw new ApiError(403, 'forbidden', `role ${principal.role} may not ${c.req.method} ${c.req.path}; allowed: ${roles.join(', ')}`);
    }
    await next();
  };
}

/** The caller on a route behind `requireRole` (a bug, not a client error, if absent). */
export function principalOf(c: Context<ApiEnv>): Principal {
  const p = c.var.principal;
  if (!p) throw new Error('principalOf used on a route without requireRole');
  return p;
}

/**
 * Route-config fields for a protected route: the middleware, the bearer security requirement,
 * the `x-roles` extension and the 401/403 responses, so no route can forget one of them.
 */
export function secured<const R extends Role[]>(...roles: R) {
  return {
    middleware: [requireRole(...roles)],
    security: [{ bearerAuth: [] }],
    'x-roles': roles,
  };
}

/** Who may do what, named once so routes and docs/api.md's table agree. */
export const ROLE_SETS = {
  /** Read the queue and items. */
  read: ['admin', 'lead', 'reviewer', 'analyst'],
  /** Claim, release and decide. */
  work: ['admin', 'lead', 'reviewer'],
  /** Bulk decisions, reversals, the audit trail. */
  lead: ['admin', 'lead'],
  /** Submit flagged posts. */
  ingest: ['admin', 'ingest', 'platform'],
  /** Read aggregate figures: /v1/stats, /analytics. */
  analytics: ['admin', 'lead', 'analyst'],
} as const satisfies Record<string, readonly Role[]>;

/** The caller as the review domain sees it: leads and admins handle escalations. */
export function reviewActor(c: Context<ApiEnv>): { id: string; lead: boolean } {
  const p = principalOf(c);
  return { id: p.keyId, lead: p.role === 'lead' || p.role === 'admin' };
}
