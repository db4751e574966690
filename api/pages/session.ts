/**
 * Browser sessions for the server-rendered pages. A person signs in with an API key; the key is
 * kept in an HttpOnly, SameSite=Strict cookie (never readable by page scripts, never sent by other
 * sites) and checked on every request exactly like a bearer key (api/auth/key-cache.ts), so
 * revoking the key ends the session within API_KEY_CACHE_MS.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { authenticateCached } from '../auth/key-cache.ts';
import type { Principal, Role } from '../auth/keys.ts';
import type { ApiEnv } from '../context.ts';
import { rateLimitsOf } from '../middleware/rate-limit.ts';

export const SESSION_COOKIE = 'tw_session';

export function startSession(c: Context<ApiEnv>, key: string): void {
  setCookie(c, SESSION_COOKIE, key, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    maxAge: 12 * 3_600,
  });
}

export function endSession(c: Context<ApiEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Lets signed-in people with one of `roles` through; sends everyone else to the sign-in page. */
export function requirePageRole(roles: readonly Role[]): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = getCookie(c, SESSION_COOKIE);
    const principal: Principal | undefined = key ? await authenticateCached(c.var.ctx, key) : undefined;
    if (!principal) {
      if (key) {
        await rateLimitsOf(c).forIp(c);
        endSession(c);
      }
      return c.redirect(`/review/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    if (!roles.includes(principal.role)) {
      return c.html(`<p>Your key's role (${principal.role}) cannot use this page; it needs one of: ${roles.join(', ')}.</p>`, 403);
    }
    await rateLimitsOf(c).forKey(c, principal);
    c.set('principal', principal);
    await next();
  };
}

/** Whom this request's session cookie stands for, if it verifies (the rate limiter counts per key only then). */
export async function sessionPrincipal(c: Context<ApiEnv>): Promise<Principal | undefined> {
  const key = getCookie(c, SESSION_COOKIE);
  return key ? authenticateCached(c.var.ctx, key) : undefined;
}
