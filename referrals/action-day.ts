/**
 * Action days: every confirmed item of one platform that has not been referred yet goes out in
 * one batch, and the batch's outcome is reported the way agencies publish takedown figures
 * (sent, acknowledged, removed, removal rate, median time to removal).
 */
import type { Config } from '../core/config.ts';
import { appendAudit } from '../core/audit.ts';
import { DomainError, type ErrorKind } from '../core/errors.ts';
import type { PoolDb } from '../core/db/index.ts';
import type { Queues } from '../core/jobs.ts';
import { referralKey } from './create-referral.ts';
import { enqueueAfterCreate } from './enqueue.ts';
import { noticeFor } from './deliver.ts';
import { writeExportBundle } from './delivery/export.ts';
import { transition } from './lifecycle.ts';
import { existingReferralKeys, insertReferralBatch, insertReferrals } from './sql.ts';

/** An action day the operator asked for cannot run (unknown platform or batch). */
export class ActionDayError extends DomainError {
  override readonly name = 'ActionDayError';
  constructor(message: string, kind: ErrorKind = 'bad_request') {
    super(kind, message);
  }
}

export interface ActionDayResult {
  batchId: string | null;
  referrals: number;
  mode: string;
  /** Export mode: the bundle holding every notice of the batch. */
  exportFolder?: string;
}

export async function runActionDay(
  deps: { db: PoolDb; config: Config; queues: Pick<Queues, 'refer' | 'evidence'> },
  opts: { platform: string; since?: Date | undefined; actor: string },
): Promise<ActionDayResult> {
  const { db, config } = deps;
  const platform = await db.prisma.platform.findUnique({ where: { name: opts.platform } });
  if (!platform) throw new ActionDayError(`unknown platform "${opts.platform}"`, 'not_found');
  const items = await db.prisma.reviewItem.findMany({
    where: { platformId: platform.id, status: 'confirmed', ...(opts.since ? { decidedAt: { gte: opts.since } } : {}) },
    select: { post: { select: { id: true, duplicateOfId: true } } },
    orderBy: { decidedAt: 'asc' },
  });
  // One notice per content: re-uploads share their canonical post's key, here and across batches.
  const byKey = new Map<string, string>();
  for (const { post } of items) byKey.set(referralKey(platform.id, post.duplicateOfId ?? post.id), post.id);
  const referred = await existingReferralKeys(db, [...byKey.keys()]);
  const fresh = [...byKey].filter(([key]) => !referred.has(key));
  if (!fresh.length) return { batchId: null, referrals: 0, mode: platform.deliveryMode };

  const { batchId, ids } = await db.transaction(async (tx) => {
    const batchId = await insertReferralBatch(tx, { platformId: platform.id, since: opts.since ?? null, createdBy: opts.actor });
    const rows = await insertReferrals(
      tx,
      fresh.map(([idempotencyKey, postId]) => ({ postId, platformId: platform.id, automated: false, idempotencyKey, batchId })),
    );
    await appendAudit(tx, {
      actor: opts.actor,
      action: 'action_day.create',
      subjectType: 'referral_batch',
      subjectId: batchId,
      after: { platform: platform.name, referrals: rows.length, since: opts.since ?? null },
    });
    for (const r of rows) {
      const { id, postId, idempotencyKey } = r;
      await appendAudit(tx, {
        actor: opts.actor,
        action: 'referral.create',
        subjectType: 'referral',
        subjectId: id,
        after: { id, postId, idempotencyKey, batchId },
      });
    }
    return { batchId, ids: rows.map((r) => r.id) };
  });

  if (platform.deliveryMode === 'export') {
    // One bundle for the whole batch, then each referral is marked sent with its notice.
    const notices = await Promise.all(ids.map(async (id) => ({ id, notice: (await noticeFor(db, config, id)).notice })));
    const folder = await writeExportBundle(
      config.exportDir,
      platform.name,
      batchId,
      notices.map((n) => n.notice),
    );
    for (const { id, notice } of notices) {
      await transition(db, {
        referralId: id,
        to: 'sent',
        from: ['queued'],
        actor: opts.actor,
        data: { notice, sentAt: new Date(), attempts: { increment: 1 } },
        note: { mode: 'export', folder, batchId },
      });
    }
    return { batchId, referrals: ids.length, mode: 'export', exportFolder: folder };
  }
  if (platform.deliveryMode === 'webhook') {
    // Webhooks go through the refer queue: evidence first when enabled, retries, dead-lettering.
    for (const id of ids) await enqueueAfterCreate(deps.queues, config, id);
  }
  return { batchId, referrals: ids.length, mode: platform.deliveryMode };
}

export interface ActionDayReport {
  batchId: string;
  platform: string;
  createdAt: Date;
  referrals: number;
  sent: number;
  acknowledged: number;
  removed: number;
  declined: number;
  /** removed ÷ sent; null before anything was sent. */
  removalRate: number | null;
  /** Median hours from sending to confirmed removal; null when nothing was removed. */
  medianHoursToRemoval: number | null;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function actionDayReport(db: PoolDb, batchId: string): Promise<ActionDayReport> {
  const batch = await db.prisma.referralBatch.findUnique({ where: { id: batchId }, include: { referrals: true } });
  if (!batch) throw new ActionDayError(`no action-day batch ${batchId}`, 'not_found');
  const platform = await db.prisma.platform.findUniqueOrThrow({ where: { id: batch.platformId }, select: { name: true } });
  const rs = batch.referrals;
  const sent = rs.filter((r) => r.sentAt);
  const removed = sent.filter((r) => r.offlineAt);
  return {
    batchId,
    platform: platform.name,
    createdAt: batch.createdAt,
    referrals: rs.length,
    sent: sent.length,
    acknowledged: rs.filter((r) => r.acknowledgedAt).length,
    removed: removed.length,
    declined: rs.filter((r) => r.status === 'declined').length,
    removalRate: sent.length ? removed.length / sent.length : null,
    medianHoursToRemoval: median(removed.map((r) => (r.offlineAt!.getTime() - r.sentAt!.getTime()) / 3_600_000)),
  };
}
