/**
 * Stage `evidence`: captures the referred page (referrals/evidence.ts), records the result on the
 * referral, then queues the notice for delivery. A failed capture is retried (EVIDENCE_ATTEMPTS);
 * on the last attempt the failure itself is recorded as the evidence and the notice goes out
 * anyway — a missing screenshot must not keep illegal content online. A URL the SSRF rule refuses
 * (an internal address) is recorded at once, without retries: nothing was or will be contacted.
 */
import type { Job } from 'bullmq';
import type { Browser } from 'playwright-core';
import type { Prisma } from '../core/db/client.ts';
import { sha256 } from '../referrals/deliver.ts';
import { FetchRefused } from '../core/net/safe-fetch.ts';
import { CaptureFailed, captureEvidence, launchEvidenceBrowser, type EvidenceRecord } from '../referrals/evidence.ts';
import type { PipelineContext } from './context.ts';
import type { JobPayloads } from './queues.ts';
import { enqueueDelivery } from './refer.ts';

export function createEvidenceHandler(ctx: PipelineContext) {
  return async (job: Job<JobPayloads['evidence']>) => {
    const { referralId } = job.data;
    const r = await ctx.db.referral.findUnique({ where: { id: referralId }, select: { status: true, post: { select: { url: true, text: true } } } });
    if (!r || r.status !== 'queued') return { skipped: true };
    let record: EvidenceRecord;
    const failed = (error: string): EvidenceRecord => ({ capturedAt: new Date().toISOString(), finalUrl: null, httpStatus: null, screenshotSha256: null, htmlSha256: null, textSha256: sha256(r.post.text), files: null, error });
    try {
      // A browser per capture: referrals are few, and nothing outlives the job (no Chromium left
      // behind when the worker stops).
      const browser: Browser = await launchEvidenceBrowser();
      try {
        record = await captureEvidence(browser, ctx.config.evidence.dir, referralId, r.post.url, r.post.text, { allowHosts: ctx.config.fetchAllowHosts });
      } finally {
        await browser.close().catch(() => undefined);
      }
    } catch (err) {
      if (err instanceof FetchRefused) {
        record = failed(err.message);
        await ctx.db.referral.update({ where: { id: referralId }, data: { evidence: record as unknown as Prisma.InputJsonValue, lastError: err.message } });
        await enqueueDelivery(ctx.queues, ctx.config, referralId);
        return { captured: false };
      }
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      // The record goes into the notice, so only our own generic reason; operators get the raw one in lastError.
      const error = `capture failed (attempt ${job.attemptsMade + 1}): ${err instanceof CaptureFailed ? err.message : 'browser error'}`;
      const raw = `capture failed (attempt ${job.attemptsMade + 1}): ${(err as Error).message.split('\n')[0]}`;
      await ctx.db.referral.update({ where: { id: referralId }, data: { lastError: raw.slice(0, 1_000) } });
      if (!last) throw err;
      record = failed(error);
    }
    await ctx.db.referral.update({ where: { id: referralId }, data: { evidence: record as unknown as Prisma.InputJsonValue } });
    await enqueueDelivery(ctx.queues, ctx.config, referralId);
    return { captured: record.error === null };
  };
}
