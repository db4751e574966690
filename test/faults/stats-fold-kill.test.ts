/**
 * A fold killed mid-way (SIGKILL: no shutdown hooks) leaves the rollups whole: each batch is one
 * transaction, so what it had not committed is still marked, the next fold takes it, and the
 * cells then equal a rebuild from the records, and the figures equal the raw computation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldStats } from '../../analytics/rollup/fold.ts';
import { rebuildStats } from '../../analytics/rollup/rebuild.ts';
import { computeStats } from '../../analytics/stats.ts';
import { isolate, type Isolated } from '../isolation.ts';
import { until } from '../harness.ts';
import { seedSynthetic } from '../synthetic-history.ts';
import { TidewatchProcess } from './tidewatch-process.ts';

const DAY = 86_400_000;

describe('stats fold killed mid-way', () => {
  let iso: Isolated;
  beforeAll(async () => {
    iso = await isolate();
  });
  afterAll(async () => iso?.cleanup());

  it('leaves no half-folded batch; the next fold completes it and equals a rebuild', async () => {
    const end = new Date(Math.floor(Date.now() / DAY) * DAY);
    await seedSynthetic(iso.databaseUrl, { posts: 40_000, days: 30, end, authors: 3_000 });
    const marked = await iso.db.prisma.statsDirtyPost.count();
    expect(marked).toBeGreaterThan(40_000);

    // Small batches, so the kill lands between and inside them.
    const fold = new TidewatchProcess(['stats', 'fold', '--batch-posts', '500'], { DATABASE_URL: iso.databaseUrl });
    await until(async () => (await iso.db.prisma.statsDirtyPost.count()) < marked * 0.6, 120_000);
    await fold.crash();
    const left = await iso.db.prisma.statsDirtyPost.count();
    expect(left, 'the kill landed mid-fold').toBeGreaterThan(0);

    const finished = await foldStats(iso.db, { wait: true });
    expect(finished.posts).toBeGreaterThan(0);
    expect(await iso.db.prisma.statsDirtyPost.count()).toBe(0);

    const cells = () =>
      iso.db
        .query`SELECT day::text, stage, "platformId", language, category, actor, posts, accounts, pages, hist FROM "StatsCell" ORDER BY 1, 2, 3, 4, 5, 6`;
    const folded = await cells();
    const f = { from: new Date(end.getTime() - 30 * DAY), to: new Date(end.getTime() + DAY), bucket: 'day' as const };
    const [rollup, raw] = [await computeStats(iso.db, f), await computeStats(iso.db, f, { source: 'raw' })];
    expect(rollup.counts.flagged.posts).toBe(40_000);
    expect(rollup.series).toEqual(raw.series);
    expect(rollup.platforms.map((p) => [p.platform, p.flagged, p.referred, p.removed])).toEqual(
      raw.platforms.map((p) => [p.platform, p.flagged, p.referred, p.removed]),
    );
    await rebuildStats(iso.db);
    expect(await cells()).toEqual(folded);
  });
});
