/**
 * The rollups against the raw computation: every field of `GET /v1/stats` under many filter sets,
 * over the known history (test/analytics-history.ts) and a synthetic one of 4,000 posts, after
 * incremental folds of changes of every kind, and after a rebuild. Counts and rates must be
 * equal; accounts and pages within the sketch's bound; percentiles within the histogram's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeStats, type Stats } from '../stats.ts';
import type { StatsFilters } from '../filters.ts';
import { seedHistory, t, type History } from '../../test/analytics-history.ts';
import { seedSynthetic } from '../../test/synthetic-history.ts';
import { isolate, type Isolated } from '../../test/isolation.ts';
import { foldStats } from './fold.ts';
import { ALPHA } from './histogram.ts';
import { rebuildStats } from './rebuild.ts';

/** 3 standard errors of a 1,024-register HyperLogLog, and at least 1. */
const sketchBound = (exact: number) => Math.max(1, Math.ceil(3 * (1.04 / 32) * exact));
const hoursBound = (exact: number) => ALPHA * Math.abs(exact) + 1e-4;

/** Compares a rollup answer with the raw one: equal, but for the stated bounds. */
function expectClose(rollup: Stats, raw: Stats, label: string) {
  const loose = (a: Stats) =>
    JSON.parse(
      JSON.stringify(a, (k, v) =>
        ['accounts', 'pages', 'median', 'p90', 'medianHoursToRemoval', 'p90HoursToRemoval'].includes(k) ? '~' : (v as unknown),
      ),
    ) as unknown;
  expect(loose(rollup), label).toEqual(loose(raw));
  for (const [stage, c] of Object.entries(raw.counts)) {
    const r = rollup.counts[stage as keyof Stats['counts']];
    expect(Math.abs(r.accounts - c.accounts), `${label} ${stage} accounts ${r.accounts} vs ${c.accounts}`).toBeLessThanOrEqual(
      sketchBound(c.accounts),
    );
    expect(Math.abs(r.pages - c.pages), `${label} ${stage} pages ${r.pages} vs ${c.pages}`).toBeLessThanOrEqual(sketchBound(c.pages));
  }
  const hours = (a: number | null, b: number | null, what: string) => {
    if (b === null) return expect(a, what).toBeNull();
    expect(a, what).not.toBeNull();
    expect(Math.abs(a! - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(hoursBound(b));
  };
  hours(rollup.timeToRemovalHours.median, raw.timeToRemovalHours.median, `${label} median`);
  hours(rollup.timeToRemovalHours.p90, raw.timeToRemovalHours.p90, `${label} p90`);
  raw.platforms.forEach((p, i) => {
    hours(rollup.platforms[i]!.medianHoursToRemoval, p.medianHoursToRemoval, `${label} ${p.platform} median`);
    hours(rollup.platforms[i]!.p90HoursToRemoval, p.p90HoursToRemoval, `${label} ${p.platform} p90`);
  });
}

/** A deterministic pseudo-random pick (mulberry32), so a failure names a filter set that reproduces. */
function picker(seed: number) {
  let a = seed;
  return <T>(xs: readonly T[]): T => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return xs[((x ^ (x >>> 14)) >>> 0) % xs.length]!;
  };
}

async function filterSets(iso: Isolated, ranges: [Date, Date][], n: number, seed: number): Promise<StatsFilters[]> {
  const platforms = (await iso.db.prisma.platform.findMany()).map((p) => p.id);
  const pick = picker(seed);
  const sets: StatsFilters[] = ranges.map(([from, to]) => ({ from, to, bucket: 'day' }));
  for (let i = 0; i < n; i++) {
    const [from, to] = pick(ranges);
    sets.push({
      from,
      to,
      bucket: pick(['day', 'week'] as const),
      platformId: pick([undefined, undefined, ...platforms]),
      language: pick([undefined, undefined, 'en', 'ar', 'fr', 'fa', 'und']),
      category: pick([undefined, undefined, 'small_boat', 'lorry', 'documents', 'flight', 'unclassified']),
    });
  }
  return sets;
}

async function compareAll(iso: Isolated, sets: StatsFilters[], label: string) {
  for (const f of sets) {
    const [rollup, raw] = [await computeStats(iso.db, f), await computeStats(iso.db, f, { source: 'raw' })];
    expectClose(rollup, raw, `${label} ${JSON.stringify(f)}`);
  }
}

describe('analytics rollups', () => {
  let iso: Isolated;
  let history: History;
  const ranges: [Date, Date][] = [
    [t('09-01 00:00'), t('09-15 00:00')],
    [t('08-01 00:00'), t('10-01 00:00')],
    [t('09-02 00:00'), t('09-03 00:00')],
    [t('09-08 00:00'), t('09-22 00:00')],
  ];
  beforeAll(async () => {
    iso = await isolate();
    history = await seedHistory(iso.db);
  });
  afterAll(async () => iso?.cleanup());

  it('equal the raw figures over the known history, under every kind of filter', async () => {
    await compareAll(iso, await filterSets(iso, ranges, 40, 1), 'history');
  });

  it('follow every kind of change, fold by fold, and equal a rebuild', async () => {
    const id = (n: number) => history.posts.get(n)!;
    const db = iso.db;
    // P3 re-classified (category moves), P7's confirmation reversed, P8 deleted, x starts taking referrals,
    // a new platform decision and offline sighting on R1, a new pending post.
    await db.prisma.classification.create({
      data: {
        postId: id(3),
        modelVersion: 'v2',
        score: 0.9,
        decision: 'review',
        category: 'documents',
        language: 'fr',
        signals: [],
        createdAt: t('09-20 00:00'),
      },
    });
    const item7 = await db.prisma.reviewItem.findFirstOrThrow({ where: { postId: id(7) } });
    await db.prisma.decision.create({
      data: {
        reviewItemId: item7.id,
        postId: id(7),
        actor: history.reviewers.C,
        action: 'reverse',
        reasonCode: 'test',
        createdAt: t('09-09 00:00'),
      },
    });
    await db.prisma.reviewItem.update({ where: { id: item7.id }, data: { status: 'rejected' } });
    await db.prisma.post.delete({ where: { id: id(8) } });
    await db.prisma.platform.update({ where: { name: 'x' }, data: { deliveryMode: 'webhook' } });
    const r1 = await db.prisma.referral.findFirstOrThrow({ where: { postId: id(1) } });
    await db.prisma.auditEvent.create({
      data: { actor: 'test', action: 'referral.offline', subjectType: 'referral', subjectId: r1.id, createdAt: t('09-01 15:00') },
    });
    const marked = await db.prisma.statsDirtyPost.count();
    expect(marked).toBeGreaterThan(0);
    const folded = await foldStats(db, { wait: true });
    expect(folded.posts).toBeGreaterThanOrEqual(4);
    await compareAll(iso, await filterSets(iso, ranges, 30, 2), 'after changes');

    const cells = () =>
      db.query`SELECT day::text, stage, "platformId", language, category, actor, posts, accounts, pages, hist FROM "StatsCell" ORDER BY 1, 2, 3, 4, 5, 6`;
    const incremental = await cells();
    await rebuildStats(db);
    expect(await cells()).toEqual(incremental);
  });

  it('equal the raw figures over 4,000 synthetic posts, with sketches and histograms under load', async () => {
    const other = await isolate();
    try {
      await seedSynthetic(other.databaseUrl, { posts: 4_000, days: 40, end: t('09-30 00:00'), authors: 3_000 });
      await rebuildStats(other.db);
      const big: [Date, Date][] = [
        [t('08-22 00:00'), t('10-01 00:00')],
        [t('09-01 00:00'), t('09-15 00:00')],
        [t('09-10 00:00'), t('09-11 00:00')],
      ];
      await compareAll(other, await filterSets(other, big, 15, 3), 'synthetic');
    } finally {
      await other.cleanup();
    }
  });
});
