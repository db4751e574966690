/**
 * Per-status counts of the review queue, reused for a moment.
 *
 * Every list request answers with the count of items per status under its filters. Counting the
 * open items of a large queue reads a whole index range (≈ 18 ms at 150,000 items, growing with
 * the queue), and the list is polled by every reviewer's page, so each process reuses a count for
 * REVIEW_COUNTS_CACHE_MS (default 1,000 ms; 0 counts on every request). A write to the queue made
 * through this process (claim, decision, release) clears the cache, so reviewers see their own
 * actions at once; other processes' changes show within the window. A key in use is counted again
 * in the background just before its window ends, so requests do not wait for counts.
 */
import type { PoolDb } from '../core/db/index.ts';

interface Entry<T> {
  /** When its load started: a value is served until `at + ttlMs`, never later. */
  at: number;
  value: Promise<T>;
  /** How long the load took, once it finished. */
  loadMs?: number;
  /** The refresh started ahead of expiry, replacing this entry once it finishes. */
  next?: Entry<T>;
}

export class QueueCountsCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  /** `clock` is for tests. */
  constructor(
    readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The cached value for `key`, or `load()`'s (shared by concurrent callers while it runs). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const now = this.clock();
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < this.ttlMs) {
      // Refresh ahead: shortly before expiry (twice the last load's time), count again in the
      // background so no request waits for a count while the key is in use; the value served
      // is still never older than the window.
      if (!hit.next && hit.loadMs !== undefined && now - hit.at >= this.ttlMs - Math.min(this.ttlMs / 2, 2 * hit.loadMs + 20)) {
        hit.next = this.#start(load, now);
        hit.next.value.then(
          () => this.#entries.get(key) === hit && this.#entries.set(key, hit.next!),
          () => this.#entries.get(key) === hit && delete hit.next,
        );
      }
      return hit.value;
    }
    // Expired: a refresh already under way is younger than the window, so wait for it.
    const entry = hit?.next ?? this.#start(load, now);
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    // A failed count is not kept: the next request tries again.
    entry.value.catch(() => this.#entries.get(key) === entry && this.#entries.delete(key));
    // Filters are few, but keys come from callers: keep the map bounded.
    if (this.#entries.size > 1_000) this.#entries.delete(this.#entries.keys().next().value!);
    return entry.value;
  }

  #start(load: () => Promise<T>, at: number): Entry<T> {
    const entry: Entry<T> = { at, value: load() };
    entry.value.then(
      () => (entry.loadMs = this.clock() - at),
      () => {},
    );
    return entry;
  }

  /** Forgets every count, and any refresh in flight (it may have read before the write). */
  clear(): void {
    this.#entries.clear();
  }
}

/** One cache per database client, so apps over different databases (tests) never share counts. */
const caches = new WeakMap<PoolDb, QueueCountsCache<unknown>>();

export function queueCountsCache<T>(db: PoolDb, ttlMs: number): QueueCountsCache<T> {
  let cache = caches.get(db);
  if (!cache || cache.ttlMs !== ttlMs) caches.set(db, (cache = new QueueCountsCache<unknown>(ttlMs)));
  return cache as QueueCountsCache<T>;
}
