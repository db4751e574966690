/**
 * Stage 3, `refer`: turns a post into a Referral record when either a reviewer confirmed it
 * (automated=false) or it is a referral candidate on a platform that accepts automated referrals
 * (automated=true). Candidates on other platforms wait in the review queue until a reviewer
 * confirms them. Notice delivery, evidence and takedown tracking build on the record.
 */
import type { Job } from 'bullmq';
import { appendAudit } from '../core/audit.ts';
import type { PipelineContext } from './context.ts';
import type { JobPayloads } from './queues.ts';

export type ReferResult = { referral: 'created' | 'exists' | 'awaiting_review' | 'not_a_candidate' };

/** One notice per content per platform: re-uploads share the canonical post's key. */
export function referralKey(platformId: number, canonicalPostId: string): string {
  return `${platformId}:${canonicalPostId}`;
}

export function createReferHandler(ctx: PipelineContext) {
  return async (job: Job<JobPayloads['refer']>): Promise<ReferResult> => {
    const post = await ctx.db.post.findUnique({
      where: { id: job.data.postId },
      select: {
        id: true,
        outcome: true,
        platformId: true,
        duplicateOfId: true,
        platform: { select: { autoRefer: true } },
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
      if (!count) return false;
      const referral = await tx.referral.findUniqueOrThrow({
        where: { idempotencyKey },
        select: { id: true, postId: true, platformId: true, status: true, automated: true, idempotencyKey: true },
      });
      await appendAudit(tx, {
        actor: 'system:refer',
        action: 'referral.create',
        subjectType: 'referral',
        subjectId: referral.id,
        after: { ...referral, reviewItemId: post.reviewItem?.id ?? null, decisionId: job.data.decisionId ?? null },
      });
      return true;
    });
    return { referral: created ? 'created' : 'exists' };
  };
}
