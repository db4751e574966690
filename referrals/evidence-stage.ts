/**
 * The evidence stage's rules: capture the referred page (referrals/page-capture.ts), record the result
 * on the referral, then queue the notice for delivery. A failed capture is retried; on the last
 * attempt the failure itself is recorded as the evidence and the notice goes out anyway — a
 * missing screenshot must not keep illegal content online. A URL the SSRF rule refuses (an
 * internal address) is recorded at once, without retries: nothing was or will be contacted.
 */
import type { Browser } from 'playwright-core';
import { FetchRefused } from '../core/net/safe-fetch.ts';
import type { ReferralDeps } from './create-referral.ts';
import { sha256 } from './deliver.ts';
import type { Attempt } from './delivery-attempt.ts';
import { enqueueDelivery } from './enqueue.ts';
import { CaptureFailed, captureEvidence, launchEvidenceBrowser, type EvidenceRecord } from './page-capture.ts';
import { updateReferral } from './sql.ts';

export type EvidenceStageResult = { skipped: true } | { captured: boolean };

/** Captures a queued referral's page and queues its delivery; throws to be retried unless this is the last attempt. */
export async function captureForReferral(ctx: ReferralDeps, referralId: string, attempt: Attempt): Promise<EvidenceStageResult> {
  const r = await ctx.db.prisma.referral.findUnique({
    where: { id: referralId },
    select: { status: true, post: { select: { url: true, text: true } } },
  });
  if (!r || r.status !== 'queued') return { skipped: true };
  let record: EvidenceRecord;
  const failed = (error: string): EvidenceRecord => ({
    capturedAt: new Date().toISOString(),
    finalUrl: null,
    httpStatus: null,
    screenshotSha256: null,
    htmlSha256: null,
    textSha256: sha256(r.post.text),
    files: null,
    error,
  });
  try {
    // A browser per capture: referrals are few, and nothing outlives the job (no Chromium left
    // behind when the worker stops).
    const browser: Browser = await launchEvidenceBrowser();
    try {
      record = await captureEvidence(browser, ctx.config.evidence.dir, referralId, r.post.url, r.post.text, {
        allowHosts: ctx.config.fetchAllowHosts,
      });
    } finally {
      await browser.close().catch(() => undefined);
    }
  } catch (err) {
    if (err instanceof FetchRefused) {
      record = failed(err.message);
      await updateReferral(ctx.db, referralId, { evidence: record, lastError: err.message });
      await enqueueDelivery(ctx.queues, ctx.config, referralId);
      return { captured: false };
    }
    // The record goes into the notice, so only our own generic reason; operators get the raw one in lastError.
    const error = `capture failed (attempt ${attempt.number}): ${err instanceof CaptureFailed ? err.message : 'browser error'}`;
    const raw = `capture failed (attempt ${attempt.number}): ${(err as Error).message.split('\n')[0]}`;
    await updateReferral(ctx.db, referralId, { lastError: raw.slice(0, 1_000) });
    if (!attempt.last) throw err;
    record = failed(error);
  }
  await updateReferral(ctx.db, referralId, { evidence: record });
  await enqueueDelivery(ctx.queues, ctx.config, referralId);
  return { captured: record.error === null };
}
