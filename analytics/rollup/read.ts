/**
 * The stats parts (`StatsParts`, analytics/stats.ts) from the rollup cells: the level of detail
 * the filters ask for, summed over the range's days. Counts and rates equal the raw SQL's;
 * distinct accounts and pages are HyperLogLog estimates (sketch.ts), percentiles read from the
 * histogram within 0.5 % (histogram.ts).
 */
import { utcMonday } from 'd3-time';
import { raw, sql, type Db, type Sql } from '../../core/db/index.ts';
import { DecisionAction } from '../../generated/prisma/enums.ts';
import { REMOVAL_BINS, STAGES, type Stage } from '../facts.ts';
import { dayString, type StatsFilters } from '../filters.ts';
import type { Candidates, GroupedRow, ReviewerCounts, StatsParts } from '../stats-parts.ts';
import { ANY, ANY_PLATFORM, decisionStage, ttrStage } from './cells.ts';
import { addHistogram, percentile, type Histogram } from './histogram.ts';
import { emptyRegisters, estimate, mergeInto } from './sketch.ts';

const ts = (d: Date) => sql`${dayString(d)}::date`;

/** The cells of the filters' level, with `dim` (if any) broken out instead of fixed or rolled up. */
function level(f: StatsFilters, dim?: 'platform' | 'language' | 'category'): Sql {
  const platform =
    f.platformId !== undefined
      ? sql`"platformId" = ${f.platformId}::int`
      : dim === 'platform'
        ? sql`"platformId" <> ${ANY_PLATFORM}`
        : sql`"platformId" = ${ANY_PLATFORM}`;
  const text = (col: Sql, value: string | undefined, broken: boolean) =>
    value !== undefined ? sql`${col} = ${value}::text` : broken ? sql`${col} <> ${ANY}` : sql`${col} = ${ANY}`;
  return sql`day >= ${ts(f.from)} AND day < ${ts(f.to)} AND ${platform}
    AND ${text(sql`language`, f.language, dim === 'language')} AND ${text(sql`category`, f.category, dim === 'category')}`;
}

interface TotalRow {
  day: string;
  stage: string;
  posts: number;
  accounts: Buffer | null;
  pages: Buffer | null;
  hist: Record<string, number> | null;
}

const FUNNEL = sql`stage = ANY(${[...STAGES]}::text[])`;

export async function rollupStatsParts(db: Db, f: StatsFilters): Promise<StatsParts> {
  const [totals, [byPlatform, byLanguage, byCategory], candidates, reviewers] = await Promise.all([
    db.query<TotalRow>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, stage, posts, accounts, pages, hist FROM "StatsCell"
      WHERE ${level(f)} AND actor = '' AND (${FUNNEL} OR stage LIKE 'ttr:%')`,
    // One statement per breakdown, so they run side by side on the pool.
    Promise.all([breakdown(db, f, 'platform'), breakdown(db, f, 'language'), breakdown(db, f, 'category')]),
    db.query<Candidates>`
      SELECT COALESCE(sum(posts) FILTER (WHERE stage = 'candidate'), 0)::int AS candidates,
        COALESCE(sum(posts) FILTER (WHERE stage = 'candidate:confirmed'), 0)::int AS confirmed,
        COALESCE(sum(posts) FILTER (WHERE stage = 'candidate:rejected'), 0)::int AS rejected
      FROM "StatsCell" WHERE ${level(f)} AND actor = '' AND stage LIKE 'candidate%'`,
    db.query<ReviewerCounts>`
      SELECT c.actor AS reviewer, k.name, sum(c.posts)::int AS decisions,
        ${raw(
          Object.values(DecisionAction)
            .map((a) => `COALESCE(sum(c.posts) FILTER (WHERE c.stage = '${decisionStage(a)}'), 0)::int AS "${a}"`)
            .join(', '),
        )}
      FROM (SELECT actor, stage, posts FROM "StatsCell" WHERE ${level(f)} AND actor <> '') c LEFT JOIN "ApiKey" k ON k.id = c.actor
      GROUP BY c.actor, k.name ORDER BY decisions DESC, k.name NULLS LAST, c.actor`,
  ]);

  const rows: GroupedRow[] = [];
  const bucketOf = (day: string) => (f.bucket === 'week' ? dayString(utcMonday.floor(new Date(`${day}T00:00:00Z`))) : day);
  const total = new Map<string, { posts: number; accounts: Uint8Array; pages: Uint8Array; hist: Histogram }>();
  const buckets = new Map<string, GroupedRow>();
  for (const r of totals) {
    let t = total.get(r.stage);
    if (!t) total.set(r.stage, (t = { posts: 0, accounts: emptyRegisters(), pages: emptyRegisters(), hist: new Map() }));
    t.posts += r.posts;
    mergeInto(t.accounts, r.accounts);
    mergeInto(t.pages, r.pages);
    addHistogram(t.hist, r.hist);
    if (r.stage.startsWith('ttr:')) continue;
    const key = `${r.stage}|${bucketOf(r.day)}`;
    const b = buckets.get(key) ?? { ...row(r.stage as Stage, 'bucket', bucketOf(r.day)), posts: 0 };
    b.posts += r.posts;
    buckets.set(key, b);
  }
  for (const stage of STAGES) {
    const t = total.get(stage);
    if (!t) continue;
    rows.push({
      ...row(stage, 'total', null),
      posts: t.posts,
      accounts: estimate(t.accounts),
      pages: estimate(t.pages),
      median_hours: percentile(t.hist, 0.5),
      p90_hours: percentile(t.hist, 0.9),
    });
  }
  rows.push(...buckets.values());
  for (const b of REMOVAL_BINS) {
    const t = total.get(ttrStage(b.bin));
    if (t) rows.push({ ...row('removed', 'bin', b.bin), posts: t.posts });
  }
  for (const d of [...byPlatform, ...byLanguage, ...byCategory]) {
    const hist: Histogram = new Map();
    for (const h of d.hists ?? []) addHistogram(hist, h);
    rows.push({
      ...row(d.stage, d.dim, d.key),
      posts: d.posts,
      median_hours: percentile(hist, 0.5),
      p90_hours: percentile(hist, 0.9),
    });
  }
  return { rows, candidates: candidates[0]!, reviewers };
}

type BreakdownRow = { dim: GroupedRow['dim']; key: string; stage: Stage; posts: number; hists: Record<string, number>[] | null };

/** Per-stage counts for each platform, language or category, and the removal histograms per platform. */
function breakdown(db: Db, f: StatsFilters, dim: 'platform' | 'language' | 'category'): Promise<BreakdownRow[]> {
  const col = raw(dim === 'platform' ? '"platformId"' : dim);
  const hists = dim === 'platform' ? sql`jsonb_agg(hist) FILTER (WHERE hist IS NOT NULL)` : sql`NULL::jsonb`;
  return db.query<BreakdownRow>`
    SELECT ${dim}::text AS dim, ${col}::text AS key, stage, sum(posts)::int AS posts, ${hists} AS hists
    FROM "StatsCell" WHERE ${level(f, dim)} AND actor = '' AND ${FUNNEL} GROUP BY ${col}, stage`;
}

const row = (stage: Stage, dim: GroupedRow['dim'], key: string | null): GroupedRow => ({
  stage,
  dim,
  key,
  posts: 0,
  accounts: 0,
  pages: 0,
  median_hours: null,
  p90_hours: null,
});
