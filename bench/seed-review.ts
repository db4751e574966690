/**
 * Seeds a benchmark database in bulk for the review API: `n` posts (default 1,000,000) from the
 * multilingual corpus over 30 days, each with a Classification; 85 % dismissed, 10 % review,
 * 5 % referral candidates, so ~15 % have a ReviewItem, in a realistic status mix (40 % open, 5 %
 * escalated, 5 % needs translation, 20 % confirmed, 30 % rejected) and ~1 % of posts are
 * re-uploads linked to another. Set-based `INSERT … SELECT … generate_series`, not row by row.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ROOT } from './bench-env.ts';

const SIGNALS = JSON.stringify([
  { type: 'keyword', value: 'boat', start: 0, end: 4 },
  { type: 'phone', value: '+44 7911 123456', start: 20, end: 35 },
  { type: 'price', value: '€2,500', start: 40, end: 46 },
]);

export async function seedReviewData(
  url: string,
  n: number,
): Promise<{ seconds: number; reviewItems: number; steps: Record<string, number> }> {
  const corpus = ['train', 'validation', 'test'].flatMap((s) =>
    readFileSync(path.join(ROOT, 'samples/corpus', `${s}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; lang: string; category: string }),
  );
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  const steps: Record<string, number> = {};
  let mark = t0;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round((now - mark) / 100) / 10;
    mark = now;
  };
  try {
    await c.query('SET synchronous_commit = off');
    // Bulk load of rows consistent by construction: skip the per-row foreign-key triggers, as
    // pg_restore does (superuser only; the benchmark database is its own).
    await c.query("SET session_replication_role = 'replica'");
    await c.query('CREATE TEMP TABLE seed_text (i int PRIMARY KEY, text text, lang text, category text)');
    await c.query('INSERT INTO seed_text SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])', [
      corpus.map((_, i) => i),
      corpus.map((r) => r.text),
      corpus.map((r) => r.lang),
      corpus.map((r) => r.category),
    ]);
    // One row per post with everything derived from g, so the three tables agree.
    await c.query(
      `CREATE TEMP TABLE seed AS
       SELECT g, gen_random_uuid() AS id, pl.ids[1 + g % array_length(pl.ids, 1)] AS "platformId", t.text || ' #' || g AS text, t.lang,
         CASE WHEN t.category = 'none' THEN 'boat_crossing' ELSE t.category END AS category,
         (now() AT TIME ZONE 'UTC') - ((g::float8 / $1) * interval '30 days') AS at,
         CASE WHEN g % 100 < 85 THEN 'dismissed' WHEN g % 100 < 95 THEN 'review' ELSE 'referral_candidate' END AS outcome,
         CASE WHEN g % 100 < 85 THEN (g % 997) / 997.0 * 0.3 WHEN g % 100 < 95 THEN 0.4 + (g % 991) / 991.0 * 0.4 ELSE 0.85 + (g % 983) / 983.0 * 0.15 END AS score,
         CASE (g / 100) % 20 WHEN 0 THEN 'escalated' WHEN 1 THEN 'needs_translation' WHEN 2 THEN 'confirmed' WHEN 3 THEN 'confirmed'
           WHEN 4 THEN 'confirmed' WHEN 5 THEN 'confirmed' WHEN 6 THEN 'rejected' WHEN 7 THEN 'rejected' WHEN 8 THEN 'rejected'
           WHEN 9 THEN 'rejected' WHEN 10 THEN 'rejected' WHEN 11 THEN 'rejected' ELSE 'open' END AS status
       FROM generate_series(1, $1::int) g
       CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM "Platform") pl
       JOIN seed_text t ON t.i = g % (SELECT count(*) FROM seed_text)`,
      [n],
    );
    step('seed rows');
    await c.query(
      `INSERT INTO "Post" (id, "platformId", "platformPostId", url, "authorHandle", text, language, "postedAt", "ingestedAt", source, "contentHash", outcome, "routedAt")
       SELECT id, "platformId", 'seed-' || g, 'https://example.org/s/' || g, 'user' || (g % 50000), text, lang, at - interval '1 hour', at, 'bench',
         md5(g::text) || md5(text), outcome::"PostOutcome", at + interval '5 seconds'
       FROM seed`,
    );
    step('posts');
    // ~1 % re-uploads: dismissed posts linked to the next post that went to review.
    await c.query(
      `UPDATE "Post" p SET "duplicateOfId" = s2.id, outcome = 'duplicate'
       FROM seed s1 JOIN seed s2 ON s2.g = s1.g + (90 - s1.g % 100)
       WHERE p.id = s1.id AND s1.g % 100 = 7`,
    );
    step('re-uploads');
    await c.query(
      `INSERT INTO "Classification" (id, "postId", "modelVersion", score, decision, category, language, signals, "createdAt")
       SELECT gen_random_uuid(), id, 'bench-model', score,
         (CASE outcome WHEN 'dismissed' THEN 'dismiss' WHEN 'review' THEN 'review' ELSE 'refer' END)::"Verdict",
         CASE WHEN outcome = 'dismissed' THEN 'none' ELSE category END, lang,
         CASE WHEN outcome = 'dismissed' THEN '[]'::jsonb ELSE $1::jsonb END, at + interval '5 seconds'
       FROM seed`,
      [SIGNALS],
    );
    step('classifications');
    const { rowCount } = await c.query(
      `INSERT INTO "ReviewItem" (id, "postId", status, priority, score, "referralCandidate", "platformId", language, category, "createdAt", "updatedAt", "decidedAt")
       SELECT gen_random_uuid(), id, status::"ReviewStatus", log(2, score::numeric)::float8 + extract(epoch FROM at) / 3600 / 24, score,
         outcome = 'referral_candidate', "platformId", lang, category, at + interval '5 seconds', at + interval '5 seconds',
         CASE WHEN status IN ('confirmed', 'rejected') THEN at + interval '1 hour' END
       FROM seed WHERE outcome <> 'dismissed'`,
    );
    step('review items');
    // A steady-state database has been vacuumed (visibility map set, so index-only scans) and analysed.
    await c.query('VACUUM ANALYZE');
    // VACUUM cannot mark rows all-visible while any transaction on the server (another database's
    // included) began before they were written: right after the insert, ReviewItem often stays 0 %
    // all-visible and every count reads the heap. Vacuum again until it is, for up to a minute.
    for (let tries = 0; tries < 30 && (await allVisibleShare(c, 'ReviewItem')) < 0.99; tries++) {
      await new Promise((r) => setTimeout(r, 2_000));
      await c.query('VACUUM "ReviewItem"');
    }
    const visible = await allVisibleShare(c, 'ReviewItem');
    if (visible < 0.99)
      console.error(
        `seed: ReviewItem only ${Math.round(visible * 100)} % all-visible after a minute (a long transaction elsewhere on the server?)`,
      );
    step('vacuum analyze');
    return { seconds: (performance.now() - t0) / 1_000, reviewItems: rowCount ?? 0, steps };
  } finally {
    await c.end();
  }
}

/** Share of a table's pages the visibility map marks all-visible. */
async function allVisibleShare(c: pg.Client, table: string): Promise<number> {
  const { rows } = await c.query<{ share: number }>(
    'SELECT relallvisible::float8 / greatest(relpages, 1) AS share FROM pg_class WHERE relname = $1',
    [table],
  );
  return rows[0]?.share ?? 0;
}
