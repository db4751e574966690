/**
 * Per-status counts of the review queue, reused for a moment.
 *
 * Every list request answers with the count of items per status under its filters. Counting the
 * open items of a large queue reads a whole index range (≈ 18 ms at 150,000 items, growing with
 * the queue), and the list is polled by every reviewer's page, so each process reuses a count for
 * REVIEW_COUNTS_CACHE_MS (default 1,000 ms; 0 counts on every request). A write to the queue made
 * through this process (claim, decision, release) clears the cache, so reviewers see their own
 * actions at once; other processes' changes show within the window.
 */
import type { PrismaClient } from '../core/db/client.ts';

export class QueueCountsCache<T> {
  readonly #entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(readonly ttlMs: number) {}

  /** The cached value for `key`, or `load()`'s (shared by concurrent callers while it runs). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.#entries.set(key, { at: now, value });
    // A failed count is not kept: the next request tries again.
    value.catch(() => this.#entries.get(key)?.value === value && this.#entries.delete(key));
    // Filters are few, but keys come from callers: keep the map bounded.
    if (this.#entries.size > 1_000) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** One cache per database client, so apps over different databases (tests) never share counts. */
const caches = new WeakMap<PrismaClient, QueueCountsCache<unknown>>();

export function queueCountsCache<T>(db: PrismaClient, ttlMs: number): QueueCountsCache<T> {
  let cache = caches.get(db);
  if (!cache || cache.ttlMs !== ttlMs) caches.set(db, (cache = new QueueCountsCache<unknown>(ttlMs)));
  return cache as QueueCountsCache<T>;
}
