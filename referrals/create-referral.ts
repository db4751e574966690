/**
 * The refer stage's rules: a post becomes a Referral record when either a reviewer confirmed it
 * (automated=false) or it is a referral candidate on a platform that accepts automated referrals
 * (automated=true). Candidates on other platforms wait in the review queue until a reviewer
 * confirms them. One notice per content per platform (`referralKey`); a new referral then goes to
 * evidence capture or delivery (referrals/enqueue.ts) — unless its platform holds confirmations
 * for its next action day: then it stays `queued` with `heldForActionDay` until `action-day` sends it.
 */
import { appendAudit } from '../core/audit.ts';
import type { Config } from '../core/config.ts';
import type { PoolDb } from '../core/db/index.ts';
import type { Queues, ReferCandidatesPayload, ReferPostPayload } from '../core/jobs.ts';
import { vouchForPost } from '../networks/known-contacts.ts';
import { enqueueAfterCreate } from './enqueue.ts';
import { insertReferrals } from './sql.ts';

/** What the referral stage needs: the database, the configuration and the queues it feeds. */
export interface ReferralDeps {
  db: PoolDb;
  config: Config;
  queues: Queues;
}

export type ReferPostResult = { referral: 'created' | 'exists' | 'awaiting_review' | 'not_a_candidate'; heldForActionDay?: boolean };
/** What became of a batch of candidates: referrals created now or found existing, and posts left for a reviewer. */
export type ReferCandidatesResult = { candidates: number; created: number; exists: number; awaitingReview: number };

/** One notice per content per platform: re-uploads share the canonical post's key. */
export function referralKey(platformId: number, canonicalPostId: string): string {
  return `${platformId}:${canonicalPostId}`;
}

/** One post: a reviewer's confirmation (`decisionId`) or a referral candidate. */
export async function referPost(ctx: ReferralDeps, data: ReferPostPayload): Promise<ReferPostResult> {
  const post = await ctx.db.prisma.post.findUnique({
    where: { id: data.postId },
    select: {
      id: true,
      outcome: true,
      platformId: true,
      duplicateOfId: true,
      platform: { select: { autoRefer: true, deliveryMode: true, holdForActionDay: true } },
      reviewItem: { select: { id: true, status: true } },
    },
  });
  if (!post) return { referral: 'not_a_candidate' };
  // A reviewer's confirmation wins over the automated path: the record then says a person checked it.
  const confirmed = post.reviewItem?.status === 'confirmed';
  if (!confirmed) {
    if (post.outcome !== 'referral_candidate') return { referral: 'not_a_candidate' };
    if (!post.platform.autoRefer) return { referral: 'awaiting_review' };
  }
  const idempotencyKey = referralKey(post.platformId, post.duplicateOfId ?? post.id);
  const held = post.platform.holdForActionDay;
  const created = await ctx.db.transaction(async (tx) => {
    const [referral] = await insertReferrals(tx, [
      { postId: post.id, platformId: post.platformId, automated: !confirmed, idempotencyKey, heldForActionDay: held },
    ]);
    if (!referral) return null;
    await appendAudit(tx, {
      actor: 'system:refer',
      action: 'referral.create',
      subjectType: 'referral',
      subjectId: referral.id,
      after: { ...referral, reviewItemId: post.reviewItem?.id ?? null, decisionId: data.decisionId ?? null },
    });
    // A referred advert makes its network's contacts known contacts for posts classified later.
    await vouchForPost(tx, post.id);
    return referral.id;
  });
  // Enqueued after commit; a crash in between is healed by the retry, which finds the
  // referral existing and still `queued` and enqueues again (job ids dedupe). A held referral
  // is not enqueued: the action day sends it.
  const pending = await ctx.db.prisma.referral.findUnique({
    where: { idempotencyKey, status: 'queued' },
    select: { id: true, heldForActionDay: true },
  });
  if (pending && !pending.heldForActionDay && post.platform.deliveryMode !== 'none')
    await enqueueAfterCreate(ctx.queues, ctx.config, pending.id);
  return { referral: created ? 'created' : 'exists', ...(pending?.heldForActionDay ? { heldForActionDay: true } : {}) };
}

/**
 * A classify batch's referral candidates: one read picks the posts that become referrals now
 * (candidates on platforms that accept automated referrals, and posts a reviewer confirmed
 * meanwhile); each of those goes through `referPost`. The others wait for a reviewer, whose
 * confirmation queues its own job, so most batches end after that one read.
 */
export async function referCandidates(ctx: ReferralDeps, data: ReferCandidatesPayload): Promise<ReferCandidatesResult> {
  const due = await ctx.db.query<{ id: string }>`
    SELECT p.id::text FROM "Post" p JOIN "Platform" pl ON pl.id = p."platformId"
    LEFT JOIN "ReviewItem" ri ON ri."postId" = p.id
    WHERE p.id = ANY(${data.postIds}::uuid[])
      AND ((p.outcome = 'referral_candidate' AND pl."autoRefer") OR ri.status = 'confirmed')
    ORDER BY p.id`;
  const referrals = { created: 0, exists: 0 };
  for (const { id } of due) {
    const r = await referPost(ctx, { postId: id });
    if (r.referral === 'created' || r.referral === 'exists') referrals[r.referral] += 1;
  }
  return { candidates: data.postIds.length, ...referrals, awaitingReview: data.postIds.length - due.length };
}
