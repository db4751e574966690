/**
 * Verified API keys, trusted for API_KEY_CACHE_MS without asking the database again.
 *
 * Every protected request presents a key, and looking it up was one database round trip per
 * request: at a few hundred list requests a second, about half of the API's statements. A key
 * that verified is remembered under the SHA-256 of the presented string (never the key itself)
 * for the window, per app; a key that did not verify is never remembered, so a key created a
 * moment ago works at once and guesses always reach the database (and the per-IP limit). The
 * price: a key revoked with `tidewatch keys revoke` keeps working in a running API process for
 * up to the window (default 5 s; 0 checks every request).
 */
import type { ApiContext } from '../context.ts';
import { authenticate, hashKey, type Principal } from './keys.ts';

/** Bound on remembered keys; the oldest goes first (deployments have tens of keys, not thousands). */
const MAX_KEYS = 10_000;

export class VerifiedKeys {
  readonly #byHash = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly db: ApiContext['db'],
    readonly ttlMs: number,
  ) {}

  async authenticate(presented: string): Promise<Principal | undefined> {
    if (this.ttlMs <= 0) return authenticate(this.db, presented);
    const hash = hashKey(presented);
    const hit = this.#byHash.get(hash);
    if (hit && Date.now() < hit.until) return hit.principal;
    this.#byHash.delete(hash);
    const principal = await authenticate(this.db, presented);
    if (principal) {
      this.#byHash.set(hash, { principal, until: Date.now() + this.ttlMs });
      if (this.#byHash.size > MAX_KEYS) this.#byHash.delete(this.#byHash.keys().next().value!);
    }
    return principal;
  }
}

const perContext = new WeakMap<ApiContext, VerifiedKeys>();

/** The presented key's principal, from this app's cache of verified keys or the database. */
export function authenticateCached(ctx: ApiContext, presented: string): Promise<Principal | undefined> {
  let keys = perContext.get(ctx);
  if (!keys) perContext.set(ctx, (keys = new VerifiedKeys(ctx.db, ctx.config.apiKeyCacheMs)));
  return keys.authenticate(presented);
}
