/**
 * Action days: every confirmed item of one platform that has not been referred yet, and every
 * referral held for this day (`platforms update P --hold-for-action-day`), goes out in one batch,
 * and the batch's outcome is reported the way agencies publish takedown figures (sent,
 * acknowledged, removed, removal rate, median time to removal) — counted with the analytics'
 * own definitions (analytics/facts.ts), so the report and `/v1/stats` agree.
 */
import { placeholderSenderProblem, type Config } from '../core/config.ts';
import { appendAudit } from '../core/audit.ts';
import { DomainError, type ErrorKind } from '../core/errors.ts';
import type { PoolDb } from '../core/db/index.ts';
import type { Queues } from '../core/jobs.ts';
import { referralKey } from './create-referral.ts';
import { enqueueAfterCreate } from './enqueue.ts';
import { noticeFor } from './deliver.ts';
import { writeExportBundle } from './delivery/export.ts';
import { transition } from './lifecycle.ts';
import { batchOutcomes, existingReferralKeys, insertReferralBatch, insertReferrals, releaseHeldReferrals } from './sql.ts';

/** An action day the operator asked for cannot run (unknown platform or batch). */
export class ActionDayError extends DomainError {
  override readonly name = 'ActionDayError';
  constructor(message: string, kind: ErrorKind = 'bad_request') {
    super(kind, message);
  }
}

/** Rolls back an empty batch. */
class NothingToSend extends Error {}

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
  const sender = platform.deliveryMode === 'none' ? null : placeholderSenderProblem(config.notice);
  if (sender) throw new ActionDayError(sender);
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
  const held = await db.prisma.referral.count({ where: { platformId: platform.id, heldForActionDay: true, status: 'queued' } });
  if (!fresh.length && !held) return { batchId: null, referrals: 0, mode: platform.deliveryMode };

  const result = await db
    .transaction(async (tx) => {
      const batchId = await insertReferralBatch(tx, { platformId: platform.id, since: opts.since ?? null, createdBy: opts.actor });
      const rows = await insertReferrals(
        tx,
        fresh.map(([idempotencyKey, postId]) => ({ postId, platformId: platform.id, automated: false, idempotencyKey, batchId })),
      );
      const released = await releaseHeldReferrals(tx, { platformId: platform.id, batchId, since: opts.since ?? null });
      // Held referrals outside `--since`, or taken by a concurrent action day: roll the batch back.
      if (!rows.length && !released.length) throw new NothingToSend();
      await appendAudit(tx, {
        actor: opts.actor,
        action: 'action_day.create',
        subjectType: 'referral_batch',
        subjectId: batchId,
        after: { platform: platform.name, referrals: rows.length + released.length, released: released.length, since: opts.since ?? null },
      });
      for (const r of released) {
        await appendAudit(tx, {
          actor: opts.actor,
          action: 'referral.released',
          subjectType: 'referral',
          subjectId: r.id,
          before: { heldForActionDay: true },
          after: { heldForActionDay: false, batchId },
        });
      }
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
      return { batchId, ids: [...released, ...rows].map((r) => r.id) };
    })
    .catch((err: unknown) => {
      if (err instanceof NothingToSend) return null;
      throw err;
    });
  if (!result) return { batchId: null, referrals: 0, mode: platform.deliveryMode };
  const { batchId, ids } = result;

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
  /** Referrals of the batch still waiting to be sent (queued, or failed and not yet re-delivered). */
  unsent: number;
  sent: number;
  /** Of those sent: acknowledged, removed (platform `actioned` or seen offline, whichever first), declined. */
  acknowledged: number;
  removed: number;
  declined: number;
  /** removed ÷ sent; null before anything was sent. */
  removalRate: number | null;
  /** Median hours from sending to confirmed removal; null when nothing was removed. */
  medianHoursToRemoval: number | null;
}

/** Rounded as `/v1/stats` rounds (analytics/stats.ts), so the two compare exactly. */
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** A batch's figures, with the analytics' definitions: equal to `/v1/stats` over the same referrals. */
export async function actionDayReport(db: PoolDb, batchId: string): Promise<ActionDayReport> {
  const batch = await db.prisma.referralBatch.findUnique({
    where: { id: batchId },
    select: { createdAt: true, platformId: true, _count: { select: { referrals: true } } },
  });
  if (!batch) throw new ActionDayError(`no action-day batch ${batchId}`, 'not_found');
  const platform = await db.prisma.platform.findUniqueOrThrow({ where: { id: batch.platformId }, select: { name: true } });
  const o = await batchOutcomes(db, batchId);
  return {
    batchId,
    platform: platform.name,
    createdAt: batch.createdAt,
    referrals: batch._count.referrals,
    unsent: batch._count.referrals - o.sent,
    sent: o.sent,
    acknowledged: o.acknowledged,
    removed: o.removed,
    declined: o.declined,
    removalRate: o.sent ? round4(o.removed / o.sent) : null,
    medianHoursToRemoval: o.medianHoursToRemoval === null ? null : round4(o.medianHoursToRemoval),
  };
}
