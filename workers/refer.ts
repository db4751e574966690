/**
 * Queue `refer`: three jobs, told apart by name. `refer` (one post, confirmed or a candidate) and
 * `refer-candidates` (a classify batch's candidates) create referrals (referrals/create-referral.ts);
 * `deliver` sends a referral's notice (referrals/delivery-attempt.ts). A refused notice fails the
 * job for good; the referral is then dead-lettered as `failed`.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobPayloads } from '../core/jobs.ts';
import { referCandidates, referPost } from '../referrals/create-referral.ts';
import { DeliveryError } from '../referrals/deliver.ts';
import { deliverAttempt } from '../referrals/delivery-attempt.ts';
import type { PipelineContext } from './pipeline-context.ts';
import { attemptOf, type Processors } from './processors.ts';

export function createReferProcessors(ctx: PipelineContext): Processors<'refer'> {
  return {
    refer: (job) => referPost(ctx, job.data),
    'refer-candidates': (job) => referCandidates(ctx, job.data),
    deliver: async (job: Job<JobPayloads['deliver']>) => {
      try {
        return await deliverAttempt(ctx, job.data.referralId, attemptOf(job));
      } catch (err) {
        if (err instanceof DeliveryError && err.permanent) throw new UnrecoverableError(err.message);
        throw err;
      }
    },
  };
}
