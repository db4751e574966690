/**
 * Per-key and per-IP rate limits, counted in Redis (rate-limiter-flexible) so the limit holds
 * across every API process of a deployment. A request counts against an API key (with the limit
 * of its role) only once that key is verified; every other request (no credential, or a bearer
 * key or session cookie that does not verify) counts against the client IP, so a made-up
 * credential does not skip the anonymous limit. Failed sign-ins are limited per IP on their own:
 * past RATE_LIMIT_SIGN_IN_FAILURES in a window, credentials from that address are refused
 * unchecked (429) until the window ends, so guessing keys is slow whatever route is used. Every
 * counted answer carries `RateLimit-Policy` / `RateLimit`
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
import { authenticateCached } from '../auth/key-cache.ts';
import type { ApiContext, ApiEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

type Scope = Role | 'anonymous' | 'sign_in_failures';

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
    const { windowSeconds, perRole, anonymous, signInFailures } = config.rateLimit;
    const scopes: [Scope, number][] = [
      ...(Object.entries(perRole) as [Role, number][]),
      ['anonymous', anonymous],
      ['sign_in_failures', signInFailures],
    ];
    for (const [scope, points] of scopes) {
      const opts = { points, duration: windowSeconds, keyPrefix: `${config.queuePrefix}:ratelimit:${scope}` };
      this.#buckets.set(scope, {
        points,
        setting: `RATE_LIMIT_${scope.toUpperCase()}`,
        // rejectIfRedisNotReady: while Redis reconnects, count in memory at once rather than
        // queue the command and stall every request until Redis is back.
        limiter: new RateLimiterRedis({
          ...opts,
          storeClient: redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(opts),
        }),
      });
    }
  }

  /** Requests already counted (once each, by whichever middleware gets there first). */
  readonly #counted = new WeakSet<Context>();
  readonly #failed = new WeakSet<Context>();

  /** Counts one request for a verified key; throws a 429 ApiError once its role's limit is used up. */
  async forKey(c: Context<ApiEnv>, principal: Principal): Promise<void> {
    if (this.#once(c)) await this.#consume(c, principal.role, principal.keyId, `key ${principal.keyId} (${principal.role})`);
  }

  /** Counts one request without a verified key against the client's IP. */
  async forIp(c: Context<ApiEnv>): Promise<void> {
    const ip = clientIp(c, this.config.rateLimit.trustProxy);
    if (this.#once(c)) await this.#consume(c, 'anonymous', ip, `unauthenticated requests from ${ip}`);
  }

  #once(c: Context): boolean {
    if (this.#counted.has(c)) return false;
    this.#counted.add(c);
    return true;
  }

  /**
   * Seconds until this client may try a credential again, when it has used up its failed sign-ins
   * (checked before the credential is, so a locked-out guesser learns nothing from the answer).
   */
  async signInLockout(c: Context<ApiEnv>): Promise<number | undefined> {
    if (!this.config.rateLimit.enabled) return undefined;
    const bucket = this.#buckets.get('sign_in_failures')!;
    const res = await bucket.limiter.get(clientIp(c, this.config.rateLimit.trustProxy));
    return res && res.consumedPoints >= bucket.points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : undefined;
  }

  /** The 429 (with Retry-After) for a client locked out by signInLockout. */
  lockedOut(c: Context<ApiEnv>, retryAfter: number): ApiError {
    const { signInFailures: points, windowSeconds: window } = this.config.rateLimit;
    const ip = clientIp(c, this.config.rateLimit.trustProxy);
    c.header('Retry-After', String(retryAfter));
    return new ApiError(
      429,
      'rate_limited',
      `too many failed sign-ins: ${ip} may fail ${points} times per ${window} s (RATE_LIMIT_SIGN_IN_FAILURES); no credential from it is checked for ${retryAfter} s`,
      {
        scope: 'sign_in_failures',
        limit: points,
        windowSeconds: window,
        retryAfterSeconds: retryAfter,
        setting: 'RATE_LIMIT_SIGN_IN_FAILURES',
      },
    );
  }

  /** Records one failed sign-in (a credential that did not verify) against the client's IP, once per request. */
  async signInFailed(c: Context<ApiEnv>): Promise<void> {
    if (!this.config.rateLimit.enabled || this.#failed.has(c)) return;
    this.#failed.add(c);
    await this.#buckets
      .get('sign_in_failures')!
      .limiter.consume(clientIp(c, this.config.rateLimit.trustProxy))
      .catch((err: unknown) => {
        // Over the limit already: the next attempt is refused by signInLockout.
        if (!(err instanceof RateLimiterRes)) throw err;
      });
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
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (hops.length) return hops.at(-1)!;
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Counts every request before any route runs: per key when it presents a bearer key or session
 * cookie that verifies, otherwise per IP, so a made-up `Authorization` header or cookie counts as
 * anonymous (on public routes too, such as /metrics). A credential that does not verify is also a
 * failed sign-in; once an IP has too many, its credentials are refused (429) before any lookup.
 * `requireRole` / `requirePageRole` verify again (from the key cache) but count nothing twice.
 */
export function limitAnonymous(
  sessionCookie: string,
  sessionPrincipal: (c: Context<ApiEnv>) => Promise<Principal | undefined>,
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const limits = rateLimitsOf(c);
    const header = c.req.header('authorization');
    const cookie = getCookie(c, sessionCookie);
    if (!header && !cookie) {
      await limits.forIp(c);
      return next();
    }
    const lockedOut = await limits.signInLockout(c);
    if (lockedOut !== undefined) {
      await limits.forIp(c);
      throw limits.lockedOut(c, lockedOut);
    }
    // Each credential presented is checked: a valid session must not cover guesses in the header.
    const bearer = header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
    const fromHeader = bearer ? await authenticateCached(c.var.ctx, bearer) : undefined;
    const fromCookie = cookie ? await sessionPrincipal(c) : undefined;
    if ((header && !fromHeader) || (cookie && !fromCookie)) await limits.signInFailed(c);
    const principal = fromHeader ?? fromCookie;
    if (principal) await limits.forKey(c, principal);
    else await limits.forIp(c);
    await next();
  };
}
