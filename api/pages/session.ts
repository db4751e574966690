/**
 * Browser sessions for the server-rendered pages. A person signs in with an API key; the server
 * opens a session bound to that key (api/auth/sessions.ts) and the cookie carries only the
 * session's random token: HttpOnly (never readable by page scripts), SameSite=Strict (never sent
 * by other sites), Secure when the request came over https. Sign-out deletes the session, so a
 * copied cookie stops working; revoking the key ends its sessions on the next request.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createSession, deleteSessionByToken, findSession } from '../auth/sessions.ts';
import type { Principal, Role } from '../auth/keys.ts';
import type { ApiEnv } from '../context.ts';
import { rateLimitsOf } from '../middleware/rate-limit.ts';
import { ErrorPage } from './error-page.tsx';

export const SESSION_COOKIE = 'tw_session';

/** "Name (role)" of the signed-in person, as every page header shows it (the Layout reads the role from it). */
export const whoOf = (c: Context<ApiEnv>) => `${c.var.principal!.name} (${c.var.principal!.role})`;

/** This request's path and query: where a page's own forms (e.g. the shortcut toggle) come back to. */
export const hereOf = (c: Context<ApiEnv>) => {
  const u = new URL(c.req.url);
  return u.pathname + u.search;
};

/** https seen by this server, or (TRUST_PROXY=on only) reported by the proxy in front of it. */
export function cameOverHttps(c: Context<ApiEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!c.var.ctx.config.trustProxy) return false;
  // The first value is the one the client-facing proxy set.
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}

export async function startSession(c: Context<ApiEnv>, principal: Principal): Promise<void> {
  const { ttlMs } = c.var.ctx.config.session;
  // Signing in again replaces the browser's previous session rather than leaving it live.
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await deleteSessionByToken(c.var.ctx.db, previous);
  const session = await createSession(c.var.ctx.db, principal, ttlMs);
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: cameOverHttps(c),
    path: '/',
    maxAge: Math.floor(ttlMs / 1000),
  });
}

/** Sign-out: deletes the session server-side, then the cookie. */
export async function endSession(c: Context<ApiEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await deleteSessionByToken(c.var.ctx.db, token);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Lets signed-in people with one of `roles` through; sends everyone else to the sign-in page. */
export function requirePageRole(roles: readonly Role[]): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const principal = await sessionPrincipal(c);
    if (!principal) {
      if (token) {
        // A stale or forged cookie counts against the address, like a bad key.
        await rateLimitsOf(c).forIp(c);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
      }
      return c.redirect(`/review/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    if (!roles.includes(principal.role)) {
      const message = `Your key's role (${principal.role}) cannot use this page; it needs one of: ${roles.join(', ')}.`;
      return c.html(ErrorPage({ status: 403, message, who: `${principal.name} (${principal.role})` }), 403);
    }
    await rateLimitsOf(c).forKey(c, principal);
    c.set('principal', principal);
    await next();
  };
}

/** One session lookup per request, shared by the rate limiter and requirePageRole. */
const lookups = new WeakMap<Context, Promise<Principal | undefined>>();

/** Whom this request's session cookie stands for, if it verifies (the rate limiter counts per key only then). */
export function sessionPrincipal(c: Context<ApiEnv>): Promise<Principal | undefined> {
  let found = lookups.get(c);
  if (!found) {
    const token = getCookie(c, SESSION_COOKIE);
    found = token ? findSession(c.var.ctx.db, token).then((s) => s?.principal) : Promise.resolve(undefined);
    lookups.set(c, found);
  }
  return found;
}
