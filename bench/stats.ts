/**
 * How long `GET /v1/stats` (analytics/computeStats) and the retention purge take on a large
 * history. Seeds its own database in bulk (set-based SQL): BENCH_STATS_POSTS posts (default
 * 200,000) over 90 days, 70 % dismissed, 20 % review, 10 % referral candidates, a classification
 * each, review items and decisions, referrals for confirmed items with acknowledgements,
 * platform decisions and liveness sightings in the audit trail. Prints timings; drops the database.
 *
 *   npx tsx bench/stats.ts            # BENCH_DATABASE_URL to use another server
 *   BENCH_KEEP=1 npx tsx bench/stats.ts   # keep the database (its name is printed) to EXPLAIN queries
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { computeStats } from '../analytics/stats.ts';
import { createDb } from '../core/db/index.ts';
import { applyMigrations } from '../core/db/migrations.ts';
import { seedPlatforms } from '../core/db/seed.ts';
import { withDatabase } from '../core/db/url.ts';
import { purgeDismissed } from '../retention/purge.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const N = Number(process.env.BENCH_STATS_POSTS ?? 200_000);
const DAY = 86_400_000;

async function sql(url: string, text: string, params: unknown[] = []): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rowCount ?? 0;
  } finally {
    await c.end();
  }
}

async function seed(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('SET synchronous_commit = off');
    await c.query(
      `CREATE TEMP TABLE seed AS
       SELECT g, gen_random_uuid() AS id, pl.ids[1 + g % array_length(pl.ids, 1)] AS pid,
         (ARRAY['en','fr','ar','fa','ckb','tr'])[1 + g % 6] AS lang, (ARRAY['small_boat','lorry','documents','flight'])[1 + g % 4] AS cat,
         (now() AT TIME ZONE 'UTC') - ((g::float8 / $1) * interval '90 days') AS at,
         CASE WHEN g % 10 < 7 THEN 'dismissed' WHEN g % 10 < 9 THEN 'review' ELSE 'referral_candidate' END AS outcome,
         CASE WHEN g % 4 = 0 THEN 'confirmed' WHEN g % 4 = 1 THEN 'rejected' ELSE 'open' END AS status
       FROM generate_series(1, $1::int) g CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM "Platform") pl`,
      [N],
    );
    await c.query(`INSERT INTO "Post" (id, "platformId", "platformPostId", url, "authorHandle", text, language, "ingestedAt", "contentHash", outcome, "routedAt")
      SELECT id, pid, 'b' || g, 'https://t.me/chan' || (g % 5000) || '/' || g, 'user' || (g % 40000), 'bench post ' || g, lang, at, md5(g::text),
        outcome::"PostOutcome", at + interval '5 seconds' FROM seed`);
    await c.query(`INSERT INTO "Classification" (id, "postId", "modelVersion", score, decision, category, language, signals, "createdAt")
      SELECT gen_random_uuid(), id, 'bench', 0.5, 'review', cat, lang, '[{"type":"phone","value":"+44 7700 900000"}]', at + interval '5 seconds' FROM seed`);
    await c.query(`INSERT INTO "ReviewItem" (id, "postId", status, priority, score, "referralCandidate", "platformId", language, category, "createdAt", "updatedAt", "decidedAt")
      SELECT gen_random_uuid(), id, status::"ReviewStatus", 1, 0.5, outcome = 'referral_candidate', pid, lang, cat, at + interval '5 seconds', at,
        CASE WHEN status <> 'open' THEN at + interval '1 hour' END FROM seed WHERE outcome <> 'dismissed'`);
    await c.query(`INSERT INTO "Decision" (id, "reviewItemId", "postId", actor, action, "reasonCode", "createdAt")
      SELECT gen_random_uuid(), ri.id, ri."postId", 'rev' || (s.g % 12), (CASE ri.status WHEN 'confirmed' THEN 'confirm' ELSE 'reject' END)::"DecisionAction", 'bench', ri."decidedAt"
      FROM "ReviewItem" ri JOIN seed s ON s.id = ri."postId" WHERE ri.status <> 'open'`);
    await c.query(`INSERT INTO "Referral" (id, "postId", "platformId", status, "idempotencyKey", "sentAt", "acknowledgedAt", "decidedAt", "offlineAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), s.id, s.pid, (CASE WHEN s.g % 3 = 0 THEN 'declined' ELSE 'actioned' END)::"ReferralStatus", s.pid || ':' || s.id,
        s.at + interval '2 hours', s.at + interval '3 hours', s.at + ((2 + s.g % 96) * interval '1 hour'),
        CASE WHEN s.g % 5 = 0 THEN s.at + ((4 + s.g % 50) * interval '1 hour') END, s.at, s.at
      FROM seed s WHERE s.outcome <> 'dismissed' AND s.status = 'confirmed'`);
    await c.query(`INSERT INTO "AuditEvent" (actor, action, "subjectType", "subjectId", "createdAt")
      SELECT 'bench', 'referral.' || status, 'referral', id::text, "decidedAt" FROM "Referral"
      UNION ALL SELECT 'system:liveness', 'referral.offline', 'referral', id::text, "offlineAt" FROM "Referral" WHERE "offlineAt" IS NOT NULL`);
    await c.query('ANALYZE');
  } finally {
    await c.end();
  }
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  process.stdout.write(`${label.padEnd(52)} ${((performance.now() - t0) / 1_000).toFixed(2)} s\n`);
  return out;
}

const name = `tw_bench_stats_${randomBytes(4).toString('hex')}`;
await sql(ADMIN_URL, `CREATE DATABASE ${name}`);
const url = withDatabase(ADMIN_URL, name);
try {
  await applyMigrations(url);
  const db = createDb(url, 4);
  await seedPlatforms(db);
  await timed(`seed ${N.toLocaleString('en')} posts`, () => seed(url));
  if (process.env.BENCH_SEED_ONLY) process.exit(0);
  const today = new Date(Math.floor(Date.now() / DAY) * DAY);
  const range = (days: number) => ({ from: new Date(today.getTime() - (days - 1) * DAY), to: new Date(today.getTime() + DAY) });
  const tg = (await db.prisma.platform.findUniqueOrThrow({ where: { name: 'telegram' } })).id;
  const s = await timed('stats, 90 days by day, no filter', () => computeStats(db, { ...range(90), bucket: 'day' }));
  await timed('stats, 90 days by day, no filter (warm)', () => computeStats(db, { ...range(90), bucket: 'day' }));
  await timed('stats, 30 days by week, platform + language', () =>
    computeStats(db, { ...range(30), bucket: 'week', platformId: tg, language: 'ar' }),
  );
  await timed('stats, 7 days by day, category', () => computeStats(db, { ...range(7), bucket: 'day', category: 'lorry' }));
  process.stdout.write(
    `  (90 days: ${s.counts.flagged.posts} flagged, ${s.counts.referred.posts} referred, ${s.counts.removed.posts} removed, median ${s.timeToRemovalHours.median} h)\n`,
  );
  const dry = await timed('purge --dry-run (retention 30 days)', () => purgeDismissed(db, { days: 30, dryRun: true, actor: 'bench' }));
  const run = await timed(`purge ${dry.posts.toLocaleString('en')} posts (batches of 500)`, () =>
    purgeDismissed(db, { days: 30, actor: 'bench' }),
  );
  process.stdout.write(`  (${run.posts} purged in ${run.batches} batches)\n`);
  await db.close();
} finally {
  if (process.env.BENCH_KEEP) process.stdout.write(`kept database ${name}\n`);
  else await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
