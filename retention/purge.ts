/**
 * Retention: a dismissed post (below the review threshold: not, by the detector's judgement, a
 * smuggling advert) keeps its text and author only for RETENTION_DISMISSED_DAYS after dismissal.
 * After that its `text` becomes '' and `authorHandle` null, the signal values quoted from the text
 * (phone numbers, handles) are dropped from its classifications, and `purgedAt` is set. The row,
 * its platform, language, dates, outcome, URL, content hash and category stay, so every figure
 * of `analytics/` is the same before and after (accounts and pages are counted over posts that
 * were not dismissed). Re-uploads of dismissed content follow their original, from the later of
 * its dismissal and their own ingest.
 *
 * Batches of `batchSize` posts, each in one transaction with its audit event; a post is purged
 * once (`purgedAt IS NULL`), so re-running, or two purges at once (SKIP LOCKED), never purge twice.
 */
import { appendAudit } from '../core/audit.ts';
import { NOW_UTC, sql, type Db, type Sql } from '../core/db/index.ts';

export interface PurgeOptions {
  /** Days after dismissal to keep text and author (config `retention.dismissedDays`, default 90). */
  days: number;
  /** The clock; default now. */
  now?: Date;
  /** Posts per transaction; default 500. */
  batchSize?: number;
  /** Count what would be purged, change nothing; default false. */
  dryRun?: boolean;
  /** Who runs it, for the audit trail (`cli:<user>`). */
  actor: string;
}

export interface PurgeResult {
  dryRun: boolean;
  days: number;
  /** Posts dismissed before this instant are purged. */
  cutoff: Date;
  /** Posts purged (or, in a dry run, that would be). */
  posts: number;
  batches: number;
  /** Per platform name. */
  byPlatform: Record<string, number>;
}

/** Posts `p` (with original `c`) that are due: dismissed, or a re-upload of a dismissed post, before the cutoff, not yet purged. */
function due(cutoff: Date): Sql {
  const at = sql`${cutoff.toISOString()}::timestamp`;
  return sql`p."purgedAt" IS NULL AND (
    (p.outcome = 'dismissed' AND p."routedAt" < ${at})
    OR (p.outcome = 'duplicate' AND c.outcome = 'dismissed' AND GREATEST(c."routedAt", p."ingestedAt") < ${at})
  )`;
}

export async function purgeDismissed(db: Db, opts: PurgeOptions): Promise<PurgeResult> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - opts.days * 86_400_000);
  const batchSize = opts.batchSize ?? 500;
  const counts = await db.query<{ platform: string; posts: number }>`
    SELECT pl.name AS platform, count(*)::int AS posts
    FROM "Post" p LEFT JOIN "Post" c ON c.id = p."duplicateOfId" JOIN "Platform" pl ON pl.id = p."platformId"
    WHERE ${due(cutoff)} GROUP BY pl.name ORDER BY pl.name`;
  const byPlatform = Object.fromEntries(counts.map((r) => [r.platform, r.posts]));
  const result = { dryRun: opts.dryRun ?? false, days: opts.days, cutoff, posts: 0, batches: 0, byPlatform };
  if (opts.dryRun) return { ...result, posts: counts.reduce((n, r) => n + r.posts, 0) };

  const purged: Record<string, number> = {};
  // Keyset over the primary key: each batch starts after the last id seen, so a run reads the
  // table once however many batches it takes (rows another purge holds are left to it).
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; platform: string }>`
        WITH batch AS (
          SELECT p.id FROM "Post" p LEFT JOIN "Post" c ON c.id = p."duplicateOfId"
          WHERE p.id > ${after}::uuid AND ${due(cutoff)} ORDER BY p.id LIMIT ${batchSize} FOR UPDATE OF p SKIP LOCKED
        )
        UPDATE "Post" SET text = '', "authorHandle" = NULL, "purgedAt" = ${NOW_UTC}
        FROM batch, "Platform" pl WHERE "Post".id = batch.id AND pl.id = "Post"."platformId"
        RETURNING "Post".id::text AS id, pl.name AS platform`;
      if (!rows.length) return rows;
      const postIds = rows.map((r) => r.id);
      // Signal values are quotes from the text (phone numbers, handles); keep only their types.
      await tx.execute`
        UPDATE "Classification" SET signals = COALESCE((SELECT json_agg(json_build_object('type', s->'type')) FROM json_array_elements(signals) s), '[]'::json)
        WHERE "postId" = ANY(${postIds}::uuid[]) AND json_typeof(signals) = 'array'`;
      await appendAudit(tx, {
        actor: opts.actor,
        action: 'retention.purge',
        subjectType: 'retention',
        subjectId: `dismissed-before:${cutoff.toISOString()}`,
        after: { cutoff, days: opts.days, posts: rows.length, postIds },
      });
      return rows;
    });
    if (!ids.length) break;
    after = ids
      .map((r) => r.id)
      .sort()
      .at(-1)!;
    result.batches += 1;
    result.posts += ids.length;
    for (const r of ids) purged[r.platform] = (purged[r.platform] ?? 0) + 1;
  }
  return { ...result, byPlatform: purged };
}
