/**
 * Stage 3, `refer`: turns a referral candidate into a Referral record when its platform accepts
 * automated referrals. Candidates on other platforms wait in the review queue until a reviewer
 * confirms them. Notice delivery, evidence and takedown tracking build on the record.
 */
import type { Job } from 'bullmq';
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
      select: { id: true, outcome: true, platformId: true, duplicateOfId: true, platform: { select: { autoRefer: true } } },
    });
    if (!post || post.outcome !== 'referral_candidate') return { referral: 'not_a_candidate' };
    if (!post.platform.autoRefer) return { referral: 'awaiting_review' };
    const { count } = await ctx.db.referral.createMany({
      data: [
        {
          postId: post.id,
          platformId: post.platformId,
          automated: true,
          idempotencyKey: referralKey(post.platformId, post.duplicateOfId ?? post.id),
        },
      ],
      skipDuplicates: true,
    });
    return { referral: count ? 'created' : 'exists' };
  };
}
