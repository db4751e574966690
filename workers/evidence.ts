/**
 * Stage `evidence`: captures the referred page (referrals/evidence.ts), records the result on the
 * referral, then queues the notice for delivery. A failed capture is retried (EVIDENCE_ATTEMPTS);
 * on the last attempt the failure itself is recorded as the evidence and the notice goes out
 * anyway — a missing screenshot must not keep illegal content online.
 */
import type { Job } from 'bullmq';
import type { Browser } from 'playwright-core';
import type { Prisma } from '../core/db/client.ts';
import { sha256 } from '../referrals/deliver.ts';
import { captureEvidence, launchBrowser } from '../referrals/evidence.ts';
import type { PipelineContext } from './context.ts';
import type { JobPayloads } from './queues.ts';
import { enqueueDelivery } from './refer.ts';

export function createEvidenceHandler(ctx: PipelineContext) {
  return async (job: Job<JobPayloads['evidence']>) => {
    const { referralId } = job.data;
    const r = await ctx.db.referral.findUnique({ where: { id: referralId }, select: { status: true, post: { select: { url: true, text: true } } } });
    if (!r || r.status !== 'queued') return { skipped: true };
    let record;
    try {
      // A browser per capture: referrals are few, and nothing outlives the job (no Chromium left
      // behind when the worker stops).
      const browser: Browser = await launchBrowser();
      try {
        record = await captureEvidence(browser, ctx.config.evidence.dir, referralId, r.post.url, r.post.text);
      } finally {
        await browser.close().catch(() => undefined);
      }
    } catch (err) {
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const error = `capture failed (attempt ${job.attemptsMade + 1}): ${(err as Error).message.split('\n')[0]}`;
      await ctx.db.referral.update({ where: { id: referralId }, data: { lastError: error.slice(0, 1_000) } });
      if (!last) throw err;
      record = { capturedAt: new Date().toISOString(), finalUrl: null, httpStatus: null, screenshotSha256: null, htmlSha256: null, textSha256: sha256(r.post.text), files: null, error };
    }
    await ctx.db.referral.update({ where: { id: referralId }, data: { evidence: record as unknown as Prisma.InputJsonValue } });
    await enqueueDelivery(ctx.queues, ctx.config, referralId);
    return { captured: record.error === null };
  };
}
