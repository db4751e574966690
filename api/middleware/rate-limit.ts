/**
 * Per-key and per-IP rate limits, counted in Redis (rate-limiter-flexible) so the limit holds
 * across every API process of a deployment. Authenticated requests count against their API key
 * with the limit of its role; requests without a valid key (public routes, failed sign-ins, bad
 * keys) count against the client IP. Every counted answer carries `RateLimit-Policy` / `RateLimit`
 * headers (IETF draft-ietf-httpapi-ratelimit-headers); one over the limit is a 429 with
 * `Retry-After` and a JSON error naming the limit and the setting that controls it.
 *
 * If Redis fails, each process falls back to an in-memory counter with the same limits (the
 * library's insurance limiter) rather than refusing or waving everything through.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../../core/config.ts';
import type { Principal, Role } from '../auth/keys.ts';
import type { ApiContext, ApiEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

type Scope = Role | 'anonymous';

interface Bucket {
  limiter: RateLimiterRedis;
  points: number;
  /** The environment variable that sets `points`, named in the 429 so an operator knows what to change. */
  setting: string;
}

/** The limiters of one app (one per role, one per IP), built once per ApiContext. */
export class RateLimits {
  readonly #buckets = new Map<Scope, Bucket>();

  constructor(
    redis: ApiContext['redis'],
    private readonly config: Config,
  ) {
    const { windowSeconds, perRole, anonymous } = config.rateLimit;
    const scopes: [Scope, number][] = [...(Object.entries(perRole) as [Role, number][]), ['anonymous', anonymous]];
    for (const [scope, points] of scopes) {
      const opts = { points, duration: windowSeconds, keyPrefix: `${config.queuePrefix}:ratelimit:${scope}` };
      this.#buckets.set(scope, {
        points,
        setting: `RATE_LIMIT_${scope.toUpperCase()}`,
        // rejectIfRedisNotReady: while Redis reconnects, count in memory at once rather than
        // queue the command and stall every request until Redis is back.
        limiter: new RateLimiterRedis({ ...opts, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(opts) }),
      });
    }
  }

  /** Counts one request for an authenticated key; throws a 429 ApiError once its role's limit is used up. */
  async forKey(c: Context<ApiEnv>, principal: Principal): Promise<void> {
    await this.#consume(c, principal.role, principal.keyId, `key ${principal.keyId} (${principal.role})`);
  }

  /** Counts one request without a valid key against the client's IP. */
  async forIp(c: Context<ApiEnv>): Promise<void> {
    const ip = clientIp(c, this.config.rateLimit.trustProxy);
    await this.#consume(c, 'anonymous', ip, `unauthenticated requests from ${ip}`);
  }

  async #consume(c: Context<ApiEnv>, scope: Scope, id: string, who: string): Promise<void> {
    if (!this.config.rateLimit.enabled) return;
    const bucket = this.#buckets.get(scope)!;
    const window = this.config.rateLimit.windowSeconds;
    let res: RateLimiterRes;
    let limited = false;
    try {
      res = await bucket.limiter.consume(id);
    } catch (err) {
      // rate-limiter-flexible rejects with the RateLimiterRes when the limit is used up.
      if (!(err instanceof RateLimiterRes)) throw err;
      res = err;
      limited = true;
    }
    const reset = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    c.header('RateLimit-Policy', `${bucket.points};w=${window}`);
    c.header('RateLimit', `limit=${bucket.points}, remaining=${Math.max(0, res.remainingPoints)}, reset=${reset}`);
    if (limited) {
      c.header('Retry-After', String(reset));
      throw new ApiError(
        429,
        'rate_limited',
        `rate limit exceeded: ${who} may make ${bucket.points} requests per ${window} s (${bucket.setting}); retry after ${reset} s`,
        { scope, limit: bucket.points, windowSeconds: window, retryAfterSeconds: reset, setting: bucket.setting },
      );
    }
  }
}

const perContext = new WeakMap<ApiContext, RateLimits>();

/** The limiters for this request's app (created on first use; they share the app's Redis connection). */
export function rateLimitsOf(c: Context<ApiEnv>): RateLimits {
  const ctx = c.var.ctx;
  let limits = perContext.get(ctx);
  if (!limits) perContext.set(ctx, (limits = new RateLimits(ctx.redis, ctx.config)));
  return limits;
}

/**
 * The client address: the socket's peer, or with `trustProxy` the last X-Forwarded-For hop (the
 * one the operator's proxy appended; earlier hops are whatever the client claimed).
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (hops.length) return hops.at(-1)!;
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Limits requests that present no credential at all (no Authorization header, no review-page
 * session) per IP. Requests with a credential are counted where it is checked: per key when it is
 * valid (`requireRole`, `requirePageRole`), per IP when it is not.
 */
export function limitAnonymous(sessionCookie: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!c.req.header('authorization') && !getCookie(c, sessionCookie)) await rateLimitsOf(c).forIp(c);
    await next();
  };
}
