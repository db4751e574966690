/**
 * A large synthetic moderation history written in bulk (set-based SQL), for the stats benchmark
 * and the rollup tests: `posts` posts over `days` days up to `end`, 70 % dismissed, 20 % review,
 * 10 % referral candidates, some re-uploads and some still pending; a classification each
 * (a few classified twice), review items, decisions by twelve reviewers, referrals for confirmed
 * items with acknowledgements, platform decisions and liveness sightings in the audit trail.
 */
import pg from 'pg';

export interface SyntheticOptions {
  posts: number;
  days: number;
  /** The last instant of the history (default now). */
  end?: Date;
  /** Distinct authors (default posts / 25). */
  authors?: number;
}

export async function seedSynthetic(url: string, opts: SyntheticOptions): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const end = (opts.end ?? new Date()).toISOString();
  const authors = opts.authors ?? Math.max(1, Math.floor(opts.posts / 25));
  try {
    await c.query('SET synchronous_commit = off');
    await c.query(
      `CREATE TEMP TABLE seed AS
       SELECT g, gen_random_uuid() AS id, pl.ids[1 + g % array_length(pl.ids, 1)] AS pid,
         (ARRAY['en','fr','ar','fa','ckb','tr'])[1 + g % 6] AS lang, (ARRAY['small_boat','lorry','documents','flight'])[1 + (g / 7) % 4] AS cat,
         $3::timestamp - ((g::float8 / $1) * ($2 * interval '1 day')) AS at,
         CASE WHEN g % 97 = 0 THEN 'pending' WHEN g % 10 < 7 THEN 'dismissed' WHEN g % 10 < 9 THEN 'review' ELSE 'referral_candidate' END AS outcome,
         CASE WHEN g % 4 = 0 THEN 'confirmed' WHEN g % 4 = 1 THEN 'rejected' ELSE 'open' END AS status
       FROM generate_series(1, $1::int) g CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM "Platform") pl`,
      [opts.posts, opts.days, end],
    );
    await c.query(
      `INSERT INTO "Post" (id, "platformId", "platformPostId", url, "authorHandle", text, language, "ingestedAt", "contentHash", outcome, "routedAt")
      SELECT id, pid, 'b' || g, 'https://t.me/chan' || (g % 5000) || '/' || g, 'user' || (g % $1), 'bench post ' || g, lang, at, md5(g::text),
        outcome::"PostOutcome", CASE WHEN outcome <> 'pending' THEN at + interval '5 seconds' END FROM seed`,
      [authors],
    );
    // Every 50th post is a re-upload of the one before it.
    await c.query(`UPDATE "Post" p SET outcome = 'duplicate', "duplicateOfId" = prev.id, "routedAt" = NULL
      FROM seed s JOIN seed prev ON prev.g = s.g - 1 WHERE p.id = s.id AND s.g % 50 = 0 AND prev.outcome <> 'pending'`);
    await c.query(`INSERT INTO "Classification" (id, "postId", "modelVersion", score, decision, category, language, signals, "createdAt")
      SELECT gen_random_uuid(), s.id, 'bench', 0.5, 'review'::"Verdict", s.cat, s.lang, '[]'::jsonb, s.at + interval '5 seconds'
      FROM seed s JOIN "Post" p ON p.id = s.id WHERE p.outcome NOT IN ('pending', 'duplicate')
      UNION ALL SELECT gen_random_uuid(), s.id, 'bench2', 0.5, 'review'::"Verdict", 'flight', s.lang, '[]'::jsonb, s.at + interval '10 seconds'
      FROM seed s JOIN "Post" p ON p.id = s.id WHERE p.outcome NOT IN ('pending', 'duplicate') AND s.g % 31 = 0`);
    await c.query(`INSERT INTO "ReviewItem" (id, "postId", status, priority, score, "referralCandidate", "platformId", language, category, "createdAt", "updatedAt", "decidedAt")
      SELECT gen_random_uuid(), s.id, s.status::"ReviewStatus", 1, 0.5, s.outcome = 'referral_candidate', s.pid, s.lang, s.cat, s.at + interval '5 seconds', s.at,
        CASE WHEN s.status <> 'open' THEN s.at + interval '1 hour' END
      FROM seed s JOIN "Post" p ON p.id = s.id WHERE p.outcome IN ('review', 'referral_candidate')`);
    await c.query(`INSERT INTO "Decision" (id, "reviewItemId", "postId", actor, action, "reasonCode", "createdAt")
      SELECT gen_random_uuid(), ri.id, ri."postId", 'rev' || (s.g % 12), (CASE ri.status WHEN 'confirmed' THEN 'confirm' ELSE 'reject' END)::"DecisionAction", 'bench', ri."decidedAt"
      FROM "ReviewItem" ri JOIN seed s ON s.id = ri."postId" WHERE ri.status <> 'open'`);
    await c.query(`INSERT INTO "Referral" (id, "postId", "platformId", status, "idempotencyKey", "sentAt", "acknowledgedAt", "decidedAt", "offlineAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), s.id, s.pid, (CASE WHEN s.g % 3 = 0 THEN 'declined' ELSE 'actioned' END)::"ReferralStatus", s.pid || ':' || s.id,
        s.at + interval '2 hours', s.at + interval '3 hours', s.at + ((2 + s.g % 96) * interval '1 hour') + (s.g % 60) * interval '1 minute',
        CASE WHEN s.g % 5 = 0 THEN s.at + ((4 + s.g % 50) * interval '1 hour') END, s.at, s.at
      FROM seed s JOIN "ReviewItem" ri ON ri."postId" = s.id WHERE ri.status = 'confirmed'`);
    await c.query(`INSERT INTO "AuditEvent" (actor, action, "subjectType", "subjectId", "createdAt")
      SELECT 'bench', 'referral.' || status, 'referral', id::text, "decidedAt" FROM "Referral"
      UNION ALL SELECT 'system:liveness', 'referral.offline', 'referral', id::text, "offlineAt" FROM "Referral" WHERE "offlineAt" IS NOT NULL`);
    await c.query('ANALYZE');
  } finally {
    await c.end();
  }
}
