/**
 * `computeStats`: every figure the analytics API and page show, from the database as it is: the
 * stage events (built once in temporary tables, then counted in total and per bucket, platform,
 * language, category and removal time), the referral candidates' review outcomes, and the
 * reviewers' decisions. See `facts.ts` for what each count means.
 */
import { join, raw, sql, type Db, type PoolDb } from '../core/db/index.ts';
import { DecisionAction } from '../generated/prisma/enums.ts';
import {
  categoryJoin,
  CREATE_TEMP_TABLES,
  inRange,
  insertEvents,
  insertFacts,
  postFilter,
  removalBin,
  REMOVAL_BINS,
  STAGES,
  type Stage,
} from './facts.ts';
import { dayString, seriesBuckets, type StatsFilters } from './filters.ts';
import { rollupStatsParts } from './rollup/read.ts';
import type { Candidates, GroupedRow, ReviewerCounts, StatsParts } from './stats-parts.ts';

export interface Counts {
  posts: number;
  accounts: number;
  pages: number;
}

type StageCounts = Record<Stage, number>;

export interface SeriesRow extends StageCounts {
  /** First day of the bucket inside the range (UTC), `YYYY-MM-DD`: a week the range starts in the middle of begins on the range's first day. */
  bucket: string;
  /** Last day of the bucket inside the range (UTC), `YYYY-MM-DD`. */
  bucketEnd: string;
  /** Days of the bucket inside the range. */
  days: number;
  /** True when the range cuts the bucket short (a partial week). */
  partial: boolean;
  removalRate: number | null;
}

export interface PlatformRow extends StageCounts {
  platform: string;
  removalRate: number | null;
  medianHoursToRemoval: number | null;
  p90HoursToRemoval: number | null;
}

export interface LanguageRow extends StageCounts {
  language: string;
  removalRate: number | null;
}

export interface CategoryRow extends StageCounts {
  category: string;
  removalRate: number | null;
}

export interface RemovalTimeRow {
  bin: string;
  fromHours: number;
  toHours: number | null;
  removed: number;
}

export const DECISION_KINDS = Object.freeze(Object.values(DecisionAction));
type DecisionKind = DecisionAction;

export interface ReviewerRow extends ReviewerCounts {
  /** Decisions per day of the range. */
  perDay: number;
}

export interface DecisionMixRow {
  action: DecisionKind;
  decisions: number;
  share: number | null;
}

export interface Stats {
  range: { from: string; to: string; days: number; bucket: StatsFilters['bucket'] };
  /** Every stage at 0 posts and no decisions: the page says "no data in this range". */
  empty: boolean;
  counts: Record<Stage, Counts>;
  /** removed ÷ referred (referrals sent in the range); null when nothing was referred. */
  removalRate: number | null;
  /** Hours from sending to confirmed removal; percentiles interpolated (PostgreSQL percentile_cont). */
  timeToRemovalHours: { removed: number; median: number | null; p90: number | null };
  /** Referral candidates sent to review in the range: confirmed ÷ (confirmed + rejected), by their current status. */
  automatedReferralPrecision: { candidates: number; confirmed: number; rejected: number; undecided: number; precision: number | null };
  series: SeriesRow[];
  platforms: PlatformRow[];
  languages: LanguageRow[];
  categories: CategoryRow[];
  timeToRemoval: RemovalTimeRow[];
  reviewers: ReviewerRow[];
  decisionMix: DecisionMixRow[];
}

/** Ratios and hours are rounded to 4 decimals so exports read cleanly and compare exactly. */
const round = (x: number) => Math.round(x * 10_000) / 10_000;
const ratio = (n: number, d: number) => (d ? round(n / d) : null);
const hours = (x: number | null) => (x === null ? null : round(x));

const PERCENTILES = sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median_hours,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90_hours`;
const POSTS_ONLY = sql`count(*)::int AS posts, 0 AS accounts, 0 AS pages, NULL::float8 AS median_hours, NULL::float8 AS p90_hours`;

/** Stage counts in total and per bucket, platform, language, category and removal-time bin. */
async function grouped(db: Db, f: StatsFilters): Promise<GroupedRow[]> {
  return db.transaction(
    async (tx) => {
      // Compiling these one-off analytical plans costs more than it saves.
      await tx.execute`SET LOCAL jit = off`;
      for (const create of CREATE_TEMP_TABLES) await tx.execute(create);
      await tx.execute(insertEvents(f));
      await tx.execute`ANALYZE stats_ev`;
      await tx.execute(insertFacts(f));
      const totals = await tx.query<GroupedRow>`
        SELECT stage, 'total' AS dim, NULL AS key, count(*)::int AS posts,
          count(DISTINCT account)::int AS accounts, count(DISTINCT page)::int AS pages, ${PERCENTILES}
        FROM stats_facts GROUP BY stage`;
      const platforms = await tx.query<GroupedRow>`
        SELECT stage, 'platform' AS dim, platform_id::text AS key, count(*)::int AS posts, 0 AS accounts, 0 AS pages, ${PERCENTILES}
        FROM stats_facts GROUP BY stage, platform_id`;
      const dims = await tx.query<GroupedRow>`
        SELECT stage, 'bucket' AS dim, to_char(date_trunc(${f.bucket}::text, at), 'YYYY-MM-DD') AS key, ${POSTS_ONLY} FROM stats_facts GROUP BY 1, 3
        UNION ALL SELECT stage, 'language', language, ${POSTS_ONLY} FROM stats_facts GROUP BY 1, 3
        UNION ALL SELECT stage, 'category', category, ${POSTS_ONLY} FROM stats_facts GROUP BY 1, 3
        UNION ALL SELECT stage, 'bin', ${removalBin}, ${POSTS_ONLY} FROM stats_facts WHERE stage = 'removed' GROUP BY 1, 3`;
      return [...totals, ...platforms, ...dims];
    },
    // Over a long range these statements take minutes, not the default 30 s.
    { statementTimeoutMs: 300_000 },
  );
}

async function precision(db: Db, f: StatsFilters): Promise<Candidates> {
  const [row] = await db.query<Candidates>`
    SELECT count(*)::int AS candidates,
      count(*) FILTER (WHERE ri.status = 'confirmed')::int AS confirmed,
      count(*) FILTER (WHERE ri.status = 'rejected')::int AS rejected
    FROM "ReviewItem" ri JOIN "Post" p ON p.id = ri."postId" ${categoryJoin}
    WHERE ri."referralCandidate" AND ${inRange(sql`ri."createdAt"`, f)} AND ${postFilter(f)}`;
  return row!;
}

async function reviewers(db: Db, f: StatsFilters): Promise<ReviewerCounts[]> {
  return db.query<ReviewerCounts>`
    SELECT d.actor AS reviewer, k.name, count(*)::int AS decisions,
      ${join(
        DECISION_KINDS.map((a) => sql`count(*) FILTER (WHERE d.action = ${a}::"DecisionAction")::int AS ${raw(`"${a}"`)}`),
        ', ',
      )}
    FROM "Decision" d JOIN "Post" p ON p.id = d."postId" LEFT JOIN "ApiKey" k ON k.id = d.actor ${categoryJoin}
    WHERE ${inRange(sql`d."createdAt"`, f)} AND ${postFilter(f)}
    GROUP BY d.actor, k.name ORDER BY decisions DESC, k.name NULLS LAST, d.actor`;
}

const zeroStages = (): StageCounts => Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;

/** Rows of one dimension as `key → per-stage post counts`, plus the removal-time percentiles per key. */
function byKey(rows: GroupedRow[], dim: GroupedRow['dim']) {
  const out = new Map<string, { counts: StageCounts; median: number | null; p90: number | null }>();
  for (const r of rows) {
    if (r.dim !== dim || r.key === null) continue;
    const entry = out.get(r.key) ?? { counts: zeroStages(), median: null, p90: null };
    entry.counts[r.stage] = r.posts;
    if (r.stage === 'removed') Object.assign(entry, { median: hours(r.median_hours), p90: hours(r.p90_hours) });
    out.set(r.key, entry);
  }
  return out;
}

const busiestFirst = <T extends StageCounts>(rows: T[], name: (r: T) => string) =>
  rows.sort((a, b) => b.flagged - a.flagged || b.referred - a.referred || name(a).localeCompare(name(b)));

/** The parts computed from the records themselves, over the range: the definition the rollups are held to. */
export async function rawStatsParts(db: Db, f: StatsFilters): Promise<StatsParts> {
  const [rows, candidates, revs] = await Promise.all([grouped(db, f), precision(db, f), reviewers(db, f)]);
  return { rows, candidates, reviewers: revs };
}

/**
 * Every figure for `f`: from the rollups (analytics/rollup/read.ts), or from the records when
 * asked (`source: 'raw'`) or when the filter is an action-day batch, which the rollups do not key.
 */
export async function computeStats(db: PoolDb, f: StatsFilters, opts: { source?: 'rollup' | 'raw' } = {}): Promise<Stats> {
  const raw = opts.source === 'raw' || f.batchId !== undefined;
  const [parts, platformRows] = await Promise.all([
    raw ? rawStatsParts(db, f) : rollupStatsParts(db, f),
    db.prisma.platform.findMany({ select: { id: true, name: true } }),
  ]);
  return assembleStats(f, parts, new Map(platformRows.map((p) => [String(p.id), p.name])));
}

function assembleStats(
  f: StatsFilters,
  { rows, candidates: cand, reviewers: reviewerCounts }: StatsParts,
  names: Map<string, string>,
): Stats {
  const days = Math.round((f.to.getTime() - f.from.getTime()) / 86_400_000);
  const revs = reviewerCounts.map((r) => ({ ...r, perDay: round(r.decisions / days) }));

  const counts = Object.fromEntries(STAGES.map((s) => [s, { posts: 0, accounts: 0, pages: 0 }])) as Record<Stage, Counts>;
  let median: number | null = null;
  let p90: number | null = null;
  for (const r of rows) {
    if (r.dim !== 'total') continue;
    counts[r.stage] = { posts: r.posts, accounts: r.accounts, pages: r.pages };
    if (r.stage === 'removed') [median, p90] = [hours(r.median_hours), hours(r.p90_hours)];
  }

  const buckets = byKey(rows, 'bucket');
  const series = seriesBuckets(f).map((b) => {
    const c = buckets.get(b.key)?.counts ?? zeroStages();
    return { bucket: b.start, bucketEnd: b.end, days: b.days, partial: b.partial, ...c, removalRate: ratio(c.removed, c.referred) };
  });
  const platforms = busiestFirst(
    [...byKey(rows, 'platform')].map(([id, e]) => ({
      platform: names.get(id) ?? id,
      ...e.counts,
      removalRate: ratio(e.counts.removed, e.counts.referred),
      medianHoursToRemoval: e.median,
      p90HoursToRemoval: e.p90,
    })),
    (r) => r.platform,
  );
  const languages = busiestFirst(
    [...byKey(rows, 'language')].map(([language, e]) => ({
      language,
      ...e.counts,
      removalRate: ratio(e.counts.removed, e.counts.referred),
    })),
    (r) => r.language,
  );
  const categories = busiestFirst(
    [...byKey(rows, 'category')].map(([category, e]) => ({
      category,
      ...e.counts,
      removalRate: ratio(e.counts.removed, e.counts.referred),
    })),
    (r) => r.category,
  );
  const bins = new Map(rows.filter((r) => r.dim === 'bin' && r.stage === 'removed').map((r) => [r.key, r.posts]));
  const timeToRemoval = REMOVAL_BINS.map((b) => ({
    bin: b.bin,
    fromHours: b.fromHours,
    toHours: b.toHours,
    removed: bins.get(b.bin) ?? 0,
  }));

  const totalDecisions = revs.reduce((n, r) => n + r.decisions, 0);
  const decisionMix = DECISION_KINDS.map((action) => {
    const n = revs.reduce((sum, r) => sum + r[action], 0);
    return { action, decisions: n, share: ratio(n, totalDecisions) };
  });

  return {
    range: { from: dayString(f.from), to: dayString(new Date(f.to.getTime() - 86_400_000)), days, bucket: f.bucket },
    empty: STAGES.every((st) => counts[st].posts === 0) && totalDecisions === 0,
    counts,
    removalRate: ratio(counts.removed.posts, counts.referred.posts),
    timeToRemovalHours: { removed: counts.removed.posts, median, p90 },
    automatedReferralPrecision: {
      ...cand,
      undecided: cand.candidates - cand.confirmed - cand.rejected,
      precision: ratio(cand.confirmed, cand.confirmed + cand.rejected),
    },
    series,
    platforms,
    languages,
    categories,
    timeToRemoval,
    reviewers: revs,
    decisionMix,
  };
}
