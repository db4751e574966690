/**
 * Queue `evidence`: captures the referred page before the notice goes out, then queues the
 * delivery (referrals/evidence-stage.ts). Retried EVIDENCE_ATTEMPTS times (core/jobs.ts).
 */
import type { Job } from 'bullmq';
import type { JobPayloads } from '../core/jobs.ts';
import { captureForReferral } from '../referrals/evidence-stage.ts';
import type { PipelineContext } from './pipeline-context.ts';
import { attemptOf } from './processors.ts';

export function createEvidenceHandler(ctx: PipelineContext) {
  return (job: Job<JobPayloads['evidence']>) => captureForReferral(ctx, job.data.referralId, attemptOf(job));
}
