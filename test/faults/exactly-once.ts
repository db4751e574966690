/**
 * The end state every fault test demands, checked in SQL: every accepted post stored once, and
 * every post that is not a re-upload classified exactly once for the model version and routed
 * exactly once, with the side rows (review items, referrals) that its outcome implies and no
 * others. Each count in `violations` must be 0.
 */
import type { PoolDb } from '../../core/db/index.ts';
import { QUEUE_NAMES, type Queues } from '../../core/jobs.ts';

export interface PipelineState {
  posts: number;
  outcomes: Record<string, number>;
  classifications: number;
  reviewItems: number;
  referrals: number;
  violations: {
    /** Posts still `pending`. */
    pending: number;
    /** Non-duplicate posts without exactly one Classification of the model version. */
    notClassifiedOnce: number;
    /** Classifications of another model version (there is only one in these tests). */
    otherModelVersions: number;
    /** Re-uploads (`duplicate`) that were classified anyway, or whose canonical post is itself a re-upload or has another text. */
    badDuplicates: number;
    /** review / referral_candidate posts without a review item, or a review item on another outcome, or a wrong candidate flag. */
    reviewItemMismatch: number;
    /** More than one referral for a post and platform. */
    duplicateReferrals: number;
  };
}

const one = async (db: PoolDb, sql: string, ...args: unknown[]): Promise<number> =>
  Number(((await db.prisma.$queryRawUnsafe(sql, ...args)) as { n: bigint | number }[])[0]!.n);

export async function pipelineState(db: PoolDb, modelVersion: string): Promise<PipelineState> {
  const outcomeRows = (await db.prisma.$queryRawUnsafe(`SELECT outcome::text AS outcome, count(*)::int AS n FROM "Post" GROUP BY 1`)) as {
    outcome: string;
    n: number;
  }[];
  const outcomes = Object.fromEntries(outcomeRows.map((r) => [r.outcome, r.n]));
  return {
    posts: await one(db, `SELECT count(*)::int AS n FROM "Post"`),
    outcomes,
    classifications: await one(db, `SELECT count(*)::int AS n FROM "Classification"`),
    reviewItems: await one(db, `SELECT count(*)::int AS n FROM "ReviewItem"`),
    referrals: await one(db, `SELECT count(*)::int AS n FROM "Referral"`),
    violations: {
      pending: outcomes.pending ?? 0,
      notClassifiedOnce: await one(
        db,
        `SELECT count(*)::int AS n FROM "Post" p
          WHERE p.outcome <> 'duplicate'
            AND (SELECT count(*) FROM "Classification" c WHERE c."postId" = p.id AND c."modelVersion" = $1) <> 1`,
        modelVersion,
      ),
      otherModelVersions: await one(db, `SELECT count(*)::int AS n FROM "Classification" WHERE "modelVersion" <> $1`, modelVersion),
      badDuplicates: await one(
        db,
        `SELECT count(*)::int AS n FROM "Post" p LEFT JOIN "Post" canon ON canon.id = p."duplicateOfId"
          WHERE p.outcome = 'duplicate'
            AND (EXISTS (SELECT 1 FROM "Classification" c WHERE c."postId" = p.id)
                 OR canon.id IS NULL OR canon.outcome = 'duplicate' OR canon."contentHash" <> p."contentHash")`,
      ),
      reviewItemMismatch: await one(
        db,
        `SELECT count(*)::int AS n FROM "Post" p LEFT JOIN "ReviewItem" r ON r."postId" = p.id
          WHERE (p.outcome IN ('review', 'referral_candidate')) <> (r.id IS NOT NULL)
             OR (r.id IS NOT NULL AND r."referralCandidate" <> (p.outcome = 'referral_candidate'))`,
      ),
      duplicateReferrals: await one(
        db,
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM "Referral" GROUP BY "postId", "platformId" HAVING count(*) > 1) d`,
      ),
    },
  };
}

export const NO_VIOLATIONS: PipelineState['violations'] = {
  pending: 0,
  notClassifiedOnce: 0,
  otherModelVersions: 0,
  badDuplicates: 0,
  reviewItemMismatch: 0,
  duplicateReferrals: 0,
};

/** Jobs per queue in BullMQ's failed set (attempts exhausted): each one is work that was dropped. */
export async function failedJobs(queues: Queues): Promise<Record<string, number>> {
  const entries = await Promise.all(QUEUE_NAMES.map(async (n) => [n, await queues[n].getFailedCount()] as const));
  return Object.fromEntries(entries);
}

const BUSY = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

/**
 * Waits until no job is waiting, active or delayed on ingest/classify/refer and no post is
 * pending, polling; throws with the last counts after `timeoutMs`.
 */
export async function waitForQuiet(queues: Queues, db: PoolDb, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all((['ingest', 'classify', 'refer'] as const).map((n) => queues[n].getJobCounts(...BUSY)));
    const busy = counts.reduce((s, c) => s + BUSY.reduce((t, k) => t + (c[k] ?? 0), 0), 0);
    const pending = await db.prisma.post.count({ where: { outcome: 'pending' } });
    if (busy === 0 && pending === 0) return;
    const last = JSON.stringify({ ingest: counts[0], classify: counts[1], refer: counts[2], pending });
    if (Date.now() > deadline) throw new Error(`pipeline not quiet after ${timeoutMs} ms: ${last}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
