/**
 * How long `GET /v1/stats` takes on a large history, against `SELECT count(*) FROM "Post"` at the
 * same size measured in the same run (issue #20): seeds its own database in bulk
 * (test/synthetic-history.ts, 90 days), builds the rollups with `rebuildStats` (timed), then
 * times each stats query warm beside a warm bare count, renders `/analytics` from the figures,
 * and times the retention purge. Ends with one JSON line
 * `{"posts","countMs","stats90dMs","ratio",…}`. Drops the database unless --keep.
 *
 *   npx tsx bench/stats.ts [--posts 1000000] [--raw] [--keep]
 *
 * --raw also times the raw computation (the records themselves) of the 90-day query, once.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { rebuildStats } from '../analytics/rollup/rebuild.ts';
import { computeStats } from '../analytics/stats.ts';
import type { StatsFilters } from '../analytics/filters.ts';
import { AnalyticsPage } from '../api/pages/analytics/page.tsx';
import { createDb } from '../core/db/index.ts';
import { applyMigrations } from '../core/db/migrations.ts';
import { installSchemaCode } from '../core/db/schema-code.ts';
import { seedPlatforms } from '../core/db/seed.ts';
import { withDatabase } from '../core/db/url.ts';
import { purgeDismissed } from '../retention/purge.ts';
import { seedSynthetic } from '../test/synthetic-history.ts';

const { values: args } = parseArgs({
  options: {
    posts: { type: 'string', default: process.env.BENCH_STATS_POSTS ?? '1000000' },
    raw: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: Boolean(process.env.BENCH_KEEP) },
  },
});
const N = Number(args.posts);
if (!Number.isInteger(N) || N < 1) throw new Error(`--posts: expected a positive integer, got "${args.posts}"`);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DAY = 86_400_000;

async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => `${x.toFixed(1).padStart(9)} ms`;

const name = `tw_bench_stats_${randomBytes(4).toString('hex')}`;
await admin(`CREATE DATABASE ${name}`);
const url = withDatabase(ADMIN_URL, name);
const db = createDb(url, 4);
try {
  await applyMigrations(url);
  await installSchemaCode(db);
  await seedPlatforms(db);
  let t0 = performance.now();
  const today = new Date(Math.floor(Date.now() / DAY) * DAY);
  await seedSynthetic(url, { posts: N, days: 90, end: new Date(today.getTime() + DAY - 1) });
  const seedMs = ms(t0);
  process.stdout.write(`seeded ${N.toLocaleString('en')} posts over 90 days in ${(seedMs / 1000).toFixed(1)} s\n`);
  t0 = performance.now();
  const rebuilt = await rebuildStats(db, { log: (m) => process.stderr.write(`  ${m}\n`) });
  await db.execute`VACUUM ANALYZE "StatsCell"`;
  const rebuildMs = ms(t0);
  process.stdout.write(
    `rebuilt the rollups: ${rebuilt.facts.toLocaleString('en')} facts, ${rebuilt.cells.toLocaleString('en')} cells in ${(rebuildMs / 1000).toFixed(1)} s\n`,
  );

  /** The bare count, warm: best of three. */
  const count = async () => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await db.query`SELECT count(*) FROM "Post"`;
      best = Math.min(best, ms(t));
    }
    return best;
  };
  /** A stats query, warm: one run to warm, then best of three. */
  const stats = async (f: StatsFilters) => {
    await computeStats(db, f);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await computeStats(db, f);
      best = Math.min(best, ms(t));
    }
    return best;
  };
  const range = (days: number) => ({ from: new Date(today.getTime() - (days - 1) * DAY), to: new Date(today.getTime() + DAY) });
  const tg = (await db.prisma.platform.findUniqueOrThrow({ where: { name: 'telegram' } })).id;
  const queries: [string, StatsFilters][] = [
    ['stats90dMs', { ...range(90), bucket: 'day' }],
    ['stats30dWeekPlatformLanguageMs', { ...range(30), bucket: 'week', platformId: tg, language: 'ar' }],
    ['stats7dCategoryMs', { ...range(7), bucket: 'day', category: 'lorry' }],
    ['stats90dWeekLanguageCategoryMs', { ...range(90), bucket: 'week', language: 'fa', category: 'documents' }],
  ];
  const figures: Record<string, number> = {};
  const countMs = await count();
  process.stdout.write(`${'SELECT count(*) FROM "Post", warm (best of 3)'.padEnd(58)} ${fmt(countMs)}\n`);
  for (const [key, f] of queries) {
    const c = await count();
    const s = await stats(f);
    figures[key] = s;
    const label = `stats ${key.replace(/^stats|Ms$/g, '')}, warm (best of 3)`;
    process.stdout.write(`${label.padEnd(58)} ${fmt(s)}   count beside it ${fmt(c)}   ratio ${(s / c).toFixed(2)}\n`);
  }

  // The page: the same figures, rendered as /analytics renders them.
  const f90 = queries[0]![1];
  const s90 = await computeStats(db, f90);
  t0 = performance.now();
  const html = String(
    await AnalyticsPage({
      who: 'bench (analyst)',
      form: { from: s90.range.from, to: s90.range.to, bucket: 'day', platform: '', language: '', category: '' },
      platforms: ['facebook', 'telegram'],
      stats: s90,
      now: new Date(),
    }).toString(),
  );
  const renderMs = ms(t0);
  process.stdout.write(
    `${'/analytics, 90 days: rendering the page alone'.padEnd(58)} ${fmt(renderMs)} (${(html.length / 1024).toFixed(0)} KiB)\n`,
  );
  process.stdout.write(
    `  (90 days: ${s90.counts.flagged.posts.toLocaleString('en')} flagged, ${s90.counts.flagged.accounts.toLocaleString('en')} accounts, ${s90.counts.referred.posts.toLocaleString('en')} referred, ${s90.counts.removed.posts.toLocaleString('en')} removed, median ${s90.timeToRemovalHours.median} h)\n`,
  );

  let rawMs: number | null = null;
  if (args.raw) {
    t0 = performance.now();
    await computeStats(db, f90, { source: 'raw' });
    rawMs = ms(t0);
    process.stdout.write(`${'stats 90 days by day from the records (raw), once'.padEnd(58)} ${fmt(rawMs)}\n`);
  }

  const dry = await purgeDismissed(db, { days: 30, dryRun: true, actor: 'bench' });
  t0 = performance.now();
  const run = await purgeDismissed(db, { days: 30, actor: 'bench' });
  process.stdout.write(
    `purge ${dry.posts.toLocaleString('en')} posts (batches of 500): ${(ms(t0) / 1000).toFixed(1)} s, ${run.batches} batches\n`,
  );

  const result = {
    posts: N,
    countMs: Math.round(countMs * 10) / 10,
    stats90dMs: Math.round(figures.stats90dMs! * 10) / 10,
    ratio: Math.round((figures.stats90dMs! / countMs) * 100) / 100,
    ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    renderMs: Math.round(renderMs * 10) / 10,
    rawStats90dMs: rawMs === null ? null : Math.round(rawMs),
    seedSeconds: Math.round(seedMs / 100) / 10,
    rebuildSeconds: Math.round(rebuildMs / 100) / 10,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await db.close();
  if (args.keep) process.stdout.write(`kept database ${name}\n`);
  else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
