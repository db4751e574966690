/**
 * Sends one referral's notice to its platform the way the platform asked for (webhook, export
 * bundle, or not at all), then marks it `sent`. Safe to run again: a referral that is no longer
 * `queued` is left alone, and the webhook-id (the idempotency key) never changes, so a retry after
 * a crash between "platform received it" and "we recorded it" is recognisable by the platform.
 */
import { createHash } from 'node:crypto';
import { placeholderSenderProblem, type Config } from '../core/config.ts';
import type { PoolDb } from '../core/db/index.ts';
import { writeExportBundle } from './delivery/export.ts';
import { sendWebhook, ticketIdFrom } from './delivery/webhook.ts';
import { transition } from './lifecycle.ts';
import { buildNotice, storedEvidenceFiles, type EvidenceSummary, type Notice, type NoticeSignal } from './notice.ts';
import { openSecret } from './secrets.ts';
import { updateReferral, type ReferralChanges } from './sql.ts';

export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    message: string,
    /** true when retrying cannot help (the receiver refused the notice itself). */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Everything the notice needs about one referral, in one read. */
export async function noticeFor(
  db: PoolDb,
  config: Config,
  referralId: string,
): Promise<{
  notice: Notice;
  status: string;
  platform: { name: string; deliveryMode: string; webhookUrl: string | null; signingSecret: string | null };
  batchId: string | null;
  idempotencyKey: string;
}> {
  const r = await db.prisma.referral.findUniqueOrThrow({
    where: { id: referralId },
    include: {
      platform: { select: { name: true, deliveryMode: true, webhookUrl: true, signingSecret: true } },
      post: { include: { classifications: { orderBy: { createdAt: 'desc' }, take: 1 } } },
    },
  });
  const canonical = r.post.duplicateOfId ?? r.post.id;
  const dupes = await db.prisma.post.findMany({
    where: { platformId: r.platformId, OR: [{ id: canonical }, { duplicateOfId: canonical }], NOT: { id: r.postId } },
    select: { platformPostId: true },
    take: 100,
  });
  const c = r.post.classifications[0];
  const notice = buildNotice(
    {
      referral: r,
      platform: r.platform,
      post: { ...r.post, textSha256: sha256(r.post.text) },
      classification: c
        ? { category: c.category, score: c.score, modelVersion: c.modelVersion, signals: c.signals as unknown as NoticeSignal[] }
        : null,
      evidence: evidenceSummary(r.evidence),
      evidenceFiles: storedEvidenceFiles(r.evidence),
      duplicates: dupes.map((d) => d.platformPostId),
    },
    config.notice,
  );
  return { notice, status: r.status, platform: r.platform, batchId: r.batchId, idempotencyKey: r.idempotencyKey };
}

/** The notice carries hashes and facts, not local file paths. */
function evidenceSummary(stored: unknown): EvidenceSummary | null {
  if (!stored || typeof stored !== 'object') return null;
  const e = stored as EvidenceSummary;
  return {
    capturedAt: e.capturedAt,
    finalUrl: e.finalUrl,
    httpStatus: e.httpStatus,
    screenshotSha256: e.screenshotSha256,
    htmlSha256: e.htmlSha256,
    error: e.error,
  };
}

export type DeliverResult = { delivery: 'sent' | 'not_queued' | 'manual'; mode?: string; exportFolder?: string };

/** Delivers one queued referral; throws DeliveryError (after recording it) when it could not. */
export async function deliverReferral(db: PoolDb, config: Config, referralId: string, actor = 'system:refer'): Promise<DeliverResult> {
  const { notice, status, platform, idempotencyKey } = await noticeFor(db, config, referralId);
  if (status !== 'queued') return { delivery: 'not_queued' };
  // Workers refuse to start with the placeholder sender; this catches any other caller.
  const sender = platform.deliveryMode === 'none' ? null : placeholderSenderProblem(config.notice);
  if (sender) throw await failAttempt(db, referralId, sender, true);
  const sent = async (data: ReferralChanges, note: Record<string, unknown>) => {
    await transition(db, {
      referralId,
      to: 'sent',
      from: ['queued'],
      actor,
      data: { ...data, notice, sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
      note: { mode: platform.deliveryMode, ...note },
    });
  };
  switch (platform.deliveryMode) {
    case 'webhook': {
      if (!platform.webhookUrl)
        throw await failAttempt(db, referralId, `platform ${platform.name} has delivery mode webhook but no webhook URL`, true);
      const secret = platform.signingSecret ? openSecret(platform.signingSecret, config.secretsKey) : null;
      const res = await sendWebhook(platform.webhookUrl, secret, idempotencyKey, notice, config.fetchAllowHosts);
      if (!res.ok) throw await failAttempt(db, referralId, res.error, res.permanent);
      const ticketId = ticketIdFrom(res.body);
      await sent(ticketId ? { ticketId } : {}, { httpStatus: res.status });
      return { delivery: 'sent', mode: 'webhook' };
    }
    case 'export': {
      // One bundle per referral; an action day writes its whole batch as one bundle itself.
      const folder = await writeExportBundle(config.exportDir, platform.name, referralId, [notice]);
      await sent({}, { folder });
      return { delivery: 'sent', mode: 'export', exportFolder: folder };
    }
    default:
      return { delivery: 'manual' };
  }
}

/** Records a failed attempt and returns the error to throw. */
async function failAttempt(db: PoolDb, referralId: string, error: string, permanent: boolean): Promise<DeliveryError> {
  await updateReferral(db, referralId, { attempts: { increment: 1 }, lastError: error.slice(0, 1_000) });
  return new DeliveryError(error, permanent);
}

/** Dead-letters a referral whose delivery gave up: `failed`, with the reason in the audit trail. */
export async function deadLetter(db: PoolDb, referralId: string, reason: string): Promise<void> {
  await transition(db, {
    referralId,
    to: 'failed',
    from: ['queued'],
    actor: 'system:refer',
    data: { lastError: reason.slice(0, 1_000) },
    note: { reason },
  }).catch(() => undefined);
}
