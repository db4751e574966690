/**
 * Stage 3, `refer`: turns a post into a Referral record when either a reviewer confirmed it
 * (automated=false) or it is a referral candidate on a platform that accepts automated referrals
 * (automated=true). Candidates on other platforms wait in the review queue until a reviewer
 * confirms them. The same queue carries `deliver` jobs that send a referral's notice
 * (referrals/deliver.ts) with exponential backoff; a referral whose delivery gives up for good is
 * dead-lettered as `failed`. New referrals go to `evidence` first when capture is on.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { appendAudit } from '../core/audit.ts';
import type { Config } from '../core/config.ts';
import { deadLetter, DeliveryError, deliverReferral, type DeliverResult } from '../referrals/deliver.ts';
import type { PipelineContext } from './context.ts';
import { EVIDENCE_ATTEMPTS, jobIds, type DeliverPayload, type JobPayloads, type Queues, type ReferCandidatesPayload, type ReferPostPayload } from './queues.ts';
import { scheduleLiveness } from './liveness.ts';
import { vouchForPost } from '../networks/known-contacts.ts';

export type ReferPostResult = { referral: 'created' | 'exists' | 'awaiting_review' | 'not_a_candidate' };
/** What became of a batch of candidates: referrals created now or found existing, and posts left for a reviewer. */
export type ReferCandidatesResult = { candidates: number; created: number; exists: number; awaitingReview: number };
export type ReferResult = ReferPostResult | ReferCandidatesResult | DeliverResult;

/** One notice per content per platform: re-uploads share the canonical post's key. */
export function referralKey(platformId: number, canonicalPostId: string): string {
  return `${platformId}:${canonicalPostId}`;
}

/** Queues the notice for sending, with the delivery retry policy from config. */
export async function enqueueDelivery(queues: Pick<Queues, 'refer'>, config: Config, referralId: string): Promise<void> {
  await queues.refer.add('deliver', { referralId }, {
    jobId: jobIds.deliver(referralId),
    attempts: config.refer.attempts,
    backoff: { type: 'exponential', delay: config.refer.backoffMs },
  });
}

/** Next step for a new referral: evidence capture first when enabled, else straight to delivery. */
export async function enqueueAfterCreate(queues: Pick<Queues, 'refer' | 'evidence'>, config: Config, referralId: string): Promise<void> {
  if (config.evidence.capture) {
    await queues.evidence.add('evidence', { referralId }, { jobId: jobIds.evidence(referralId), attempts: EVIDENCE_ATTEMPTS, backoff: { type: 'exponential', delay: 1_000 } });
  } else {
    await enqueueDelivery(queues, config, referralId);
  }
}

const isDeliver = (d: JobPayloads['refer']): d is DeliverPayload => 'referralId' in d;
const isCandidates = (d: JobPayloads['refer']): d is ReferCandidatesPayload => 'postIds' in d;

export function createReferHandler(ctx: PipelineContext) {
  const deliver = async (job: Job<DeliverPayload>): Promise<DeliverResult> => {
    try {
      const res = await deliverReferral(ctx.db, ctx.config, job.data.referralId);
      if (res.delivery === 'sent') await scheduleLiveness(ctx, job.data.referralId, 0);
      return res;
    } catch (err) {
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const permanent = err instanceof DeliveryError && err.permanent;
      if (permanent || last) {
        await deadLetter(ctx.db, job.data.referralId, `${permanent ? 'refused' : `gave up after ${job.attemptsMade + 1} attempts`}: ${(err as Error).message}`);
        if (permanent) throw new UnrecoverableError((err as Error).message);
      }
      throw err;
    }
  };

  /** One post: a reviewer's confirmation (`decisionId`) or a referral candidate. */
  const referPost = async (data: ReferPostPayload): Promise<ReferPostResult> => {
    const post = await ctx.db.post.findUnique({
      where: { id: data.postId },
      select: {
        id: true,
        outcome: true,
        platformId: true,
        duplicateOfId: true,
        platform: { select: { autoRefer: true, deliveryMode: true } },
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
    const created = await ctx.db.$transaction(async (tx) => {
      const { count } = await tx.referral.createMany({
        data: [{ postId: post.id, platformId: post.platformId, automated: !confirmed, idempotencyKey }],
        skipDuplicates: true,
      });
      if (!count) return null;
      const referral = await tx.referral.findUniqueOrThrow({
        where: { idempotencyKey },
        select: { id: true, postId: true, platformId: true, status: true, automated: true, idempotencyKey: true },
      });
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
    // referral existing and still `queued` and enqueues again (job ids dedupe).
    const referralId = created ?? (await ctx.db.referral.findUnique({ where: { idempotencyKey, status: 'queued' }, select: { id: true } }))?.id;
    if (referralId && post.platform.deliveryMode !== 'none') await enqueueAfterCreate(ctx.queues, ctx.config, referralId);
    return { referral: created ? 'created' : 'exists' };
  };

  /**
   * A classify batch's referral candidates: one read picks the posts that become referrals now
   * (candidates on platforms that accept automated referrals, and posts a reviewer confirmed
   * meanwhile); each of those goes through `referPost`. The others wait for a reviewer, whose
   * confirmation queues its own job, so most batches end after that one read.
   */
  const referCandidates = async (data: ReferCandidatesPayload): Promise<ReferCandidatesResult> => {
    const due = await ctx.db.$queryRaw<{ id: string }[]>`
      SELECT p.id::text FROM "Post" p JOIN "Platform" pl ON pl.id = p."platformId"
      LEFT JOIN "ReviewItem" ri ON ri."postId" = p.id
      WHERE p.id = ANY(${data.postIds}::uuid[])
        AND ((p.outcome = 'referral_candidate' AND pl."autoRefer") OR ri.status = 'confirmed')
      ORDER BY p.id`;
    const referrals = { created: 0, exists: 0 };
    for (const { id } of due) {
      const r = await referPost({ postId: id });
      if (r.referral === 'created' || r.referral === 'exists') referrals[r.referral] += 1;
    }
    return { candidates: data.postIds.length, ...referrals, awaitingReview: data.postIds.length - due.length };
  };

  return async (job: Job<JobPayloads['refer']>): Promise<ReferResult> => {
    if (isDeliver(job.data)) return deliver(job as Job<DeliverPayload>);
    if (isCandidates(job.data)) return referCandidates(job.data);
    return referPost(job.data);
  };
}
