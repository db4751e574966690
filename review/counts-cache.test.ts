import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test/harness.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import { QueueCountsCache } from './counts-cache.ts';

type List = { items: { id: string }[]; counts: Record<string, number> };

describe('review list counts cache', () => {
  let h: Harness;
  let analyst: string;
  let reviewer: string;
  beforeAll(async () => {
    // A long window, so only the cache (not timing) decides what the second request sees.
    h = await startHarness({ api: true }, { REVIEW_COUNTS_CACHE_MS: '60000' });
    analyst = await h.key('analyst');
    reviewer = await h.key('reviewer');
    await seedReviewItems(h.db, [
      { score: 0.9, priority: 5 },
      { score: 0.7, priority: 4 },
    ]);
  });
  afterAll(async () => h?.close());

  const list = async () => (await (await h.request('GET', '/v1/review/items', { key: analyst })).json()) as List;

  it('reuses counts within the window, while the page itself is always fresh', async () => {
    expect((await list()).counts.open).toBe(2);
    await seedReviewItems(h.db, [{ score: 0.8, priority: 6 }]); // written behind the API's back
    const again = await list();
    expect(again.items).toHaveLength(3);
    expect(again.counts.open).toBe(2);
  });

  it('clears when a review write goes through this process', async () => {
    const res = await h.request('POST', '/v1/review/next', { key: reviewer });
    expect(res.status).toBeLessThan(300);
    expect((await list()).counts.open).toBe(3);
  });

  it('counts on every call with a zero window, and shares one count between concurrent callers', async () => {
    let loads = 0;
    const load = async () => ++loads;
    const off = new QueueCountsCache<number>(0);
    await off.get('k', load);
    await off.get('k', load);
    expect(loads).toBe(2);
    const on = new QueueCountsCache<number>(60_000);
    const [a, b] = await Promise.all([on.get('k', load), on.get('k', load)]);
    expect([a, b, loads]).toEqual([3, 3, 3]);
    on.clear();
    expect(await on.get('k', load)).toBe(4);
  });

  it('counts again just before the window ends, serving the old count meanwhile and never one older than the window', async () => {
    let t = 0;
    let loads = 0;
    let finish: (() => void) | undefined;
    // Each load resolves when the test says so, with its own number.
    const load = () =>
      new Promise<number>((resolve) => {
        const n = ++loads;
        finish = () => resolve(n);
      });
    const cache = new QueueCountsCache<number>(1_000, () => t);
    const first = cache.get('k', load);
    t = 10;
    finish!();
    expect(await first).toBe(1);
    // The load took 10 ms, so the refresh starts 2 × 10 + 20 = 40 ms before expiry, not earlier.
    t = 900;
    expect(await cache.get('k', load)).toBe(1);
    expect(loads).toBe(1);
    t = 970;
    expect(await cache.get('k', load)).toBe(1);
    expect(loads).toBe(2);
    // While the refresh runs, the old count is served, and no second refresh starts.
    t = 980;
    expect(await cache.get('k', load)).toBe(1);
    expect(loads).toBe(2);
    // Past the window with the refresh still running: wait for it rather than serve the old one.
    t = 1_001;
    const waiting = cache.get('k', load);
    finish!();
    expect(await waiting).toBe(2);
    expect(loads).toBe(2);
  });

  it('drops a refresh that was running when the cache was cleared', async () => {
    let t = 0;
    let loads = 0;
    const resolvers: (() => void)[] = [];
    const load = () =>
      new Promise<number>((resolve) => {
        const n = ++loads;
        resolvers.push(() => resolve(n));
      });
    const cache = new QueueCountsCache<number>(1_000, () => t);
    const first = cache.get('k', load);
    resolvers.shift()!();
    expect(await first).toBe(1);
    t = 990;
    expect(await cache.get('k', load)).toBe(1); // starts refresh 2
    cache.clear(); // a write: refresh 2 may have counted before it
    const after = cache.get('k', load); // load 3
    resolvers.shift()!(); // refresh 2 finishes late
    resolvers.shift()!();
    expect(await after).toBe(3);
    expect(await cache.get('k', load)).toBe(3);
  });
});
