/**
 * Queue `liveness`: re-checks a referred URL on LIVENESS_SCHEDULE, moves the referral along its
 * lifecycle and schedules the next check (referrals/liveness-recheck.ts).
 */
import type { Job } from 'bullmq';
import type { JobPayloads } from '../core/jobs.ts';
import { recheckReferral } from '../referrals/liveness-recheck.ts';
import type { PipelineContext } from './pipeline-context.ts';

export function createLivenessHandler(ctx: PipelineContext) {
  return (job: Job<JobPayloads['liveness']>) => recheckReferral(ctx, job.data.referralId, job.data.check);
}
