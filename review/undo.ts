/**
 * Undo: a reviewer takes back their own last decision within UNDO_WINDOW_MS, while nothing has
 * reached the platform. The item returns to the status it had before, claimed by the reviewer
 * again so they can decide anew; the decision stays on record, followed by a `reverse` decision
 * (reason `undo`) and a `review.undo` audit event. For a confirmation the queued referral (if the
 * refer stage already made one) is deleted and its jobs removed; one already sent, or being sent
 * right now, makes undo refuse (a lead can still reverse). Network side effects of the
 * confirmation (priority raise, vouching) stay, as they do for a lead's reversal.
 */
import type { Job } from 'bullmq';
import { appendAudit } from '../core/audit.ts';
import type { Db } from '../core/db/index.ts';
import { enqueue, jobIds, type Queues } from '../core/jobs.ts';
import type { ReviewStatus } from '../generated/prisma/enums.ts';
import { lockItem, type Actor } from './claims.ts';
import { ACTION_STATUS, type ReviewAction } from './decisions.ts';
import { itemNotFound, ReviewError } from './errors.ts';
import {
  deleteReferral,
  insertDecision,
  lockQueuedReferrals,
  selectDecisionBefore,
  selectItemPostId,
  selectLastDecision,
  setItemStatus,
  setLease,
  type LastDecisionRow,
} from './sql.ts';

/** How long after a decision its maker may undo it. */
export const UNDO_WINDOW_MS = 10_000;

export interface UndoDeps {
  db: Db;
  queues?: Queues | undefined;
  leaseSeconds: number;
  /** Tests shorten or widen it; the product uses UNDO_WINDOW_MS. */
  windowMs?: number;
}

export interface UndoResult {
  itemId: string;
  /** The decision taken back. */
  undoneDecisionId: string;
  undoneAction: ReviewAction;
  /** The `reverse` decision recording the undo. */
  decisionId: string;
  status: ReviewStatus;
  leaseExpiresAt: Date;
  /** Queued referrals deleted before anything was sent. */
  referralsCancelled: number;
}

/** Why this decision cannot be undone by this actor now; undefined when it can. */
export function undoRefusal(last: LastDecisionRow | undefined, actorId: string, windowMs = UNDO_WINDOW_MS): ReviewError | undefined {
  if (!last || last.action === 'reverse') return new ReviewError('conflict', 'there is no decision to undo on this item');
  if (last.actor !== actorId) {
    return new ReviewError('forbidden', 'only the reviewer who made the decision can undo it; a lead can reverse it', {
      decisionId: last.id,
    });
  }
  if (last.ageMs > windowMs) {
    return new ReviewError(
      'conflict',
      `the undo window has passed: the decision was made ${Math.round(last.ageMs / 1000)} s ago and can be undone for ${windowMs / 1000} s; a lead can reverse it`,
      { decisionId: last.id, windowMs },
    );
  }
  return undefined;
}

/** Removes a waiting job; refuses when a worker is running it (its effect cannot be taken back). */
async function removeUnlessRunning(job: Job | undefined): Promise<boolean> {
  if (!job) return false;
  const state = await job.getState();
  if (state === 'active')
    throw new ReviewError('conflict', 'the referral is being prepared or sent right now; a lead can reverse the decision');
  if (state === 'completed' || state === 'failed') return false;
  try {
    await job.remove();
    return true;
  } catch {
    throw new ReviewError('conflict', 'the referral is being prepared or sent right now; a lead can reverse the decision');
  }
}

/** Stops the confirmation's refer job and its referrals' evidence/delivery jobs; returns whether any was removed. */
async function stopReferralJobs(deps: UndoDeps, postId: string, decisionId: string): Promise<boolean> {
  const queues = deps.queues;
  if (!queues) return false;
  let removed = await removeUnlessRunning(await queues.refer.getJob(jobIds.referConfirmed(postId, decisionId)));
  for (const r of await lockQueuedReferrals(deps.db, postId)) {
    if (r.automated || r.status !== 'queued') continue;
    removed = (await removeUnlessRunning(await queues.evidence.getJob(jobIds.evidence(r.id)))) || removed;
    removed = (await removeUnlessRunning(await queues.refer.getJob(jobIds.deliver(r.id)))) || removed;
  }
  return removed;
}

/** Undoes `actor`'s last decision on the item (see the module comment for the rules). */
export async function undoDecision(deps: UndoDeps, itemId: string, actor: Actor): Promise<UndoResult> {
  const windowMs = deps.windowMs ?? UNDO_WINDOW_MS;
  const postId = UUID.test(itemId) ? await selectItemPostId(deps.db, itemId) : undefined;
  if (postId === undefined) throw itemNotFound(itemId);
  const first = await selectLastDecision(deps.db, itemId);
  const refusal = undoRefusal(first, actor.id, windowMs);
  if (refusal) throw refusal;
  const last = first!;
  const confirm = last.action === 'confirm';
  const removed = confirm ? await stopReferralJobs(deps, postId, last.id) : false;
  try {
    return await deps.db.transaction((tx) => undoLocked(tx, deps, itemId, actor, last.id, windowMs));
  } catch (err) {
    // The decision stands: put its refer job back, which re-queues a still-queued referral's next step.
    if (removed && deps.queues) await requeueRefer(deps.queues, postId, last.id);
    throw err;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function requeueRefer(queues: Queues, postId: string, decisionId: string): Promise<void> {
  await (await queues.refer.getJob(jobIds.referConfirmed(postId, decisionId)))?.remove().catch(() => undefined);
  await enqueue(queues, 'refer', { postId, decisionId });
}

async function undoLocked(tx: Db, deps: UndoDeps, itemId: string, actor: Actor, decisionId: string, windowMs: number): Promise<UndoResult> {
  const item = await lockItem(tx, itemId);
  // Checked again under the item's lock: another undo, a reversal or a new decision may have come first.
  const last = await selectLastDecision(tx, itemId);
  const refusal = undoRefusal(last, actor.id, windowMs);
  if (refusal) throw refusal;
  if (last!.id !== decisionId) throw new ReviewError('conflict', 'the item was decided again meanwhile; reload it');
  const action = last!.action as ReviewAction;
  if (item.status !== ACTION_STATUS[action]) {
    throw new ReviewError('conflict', `item ${itemId} is ${item.status} now, not ${ACTION_STATUS[action]}; reload it`, {
      status: item.status,
    });
  }
  if (item.claimedBy && item.claimedBy !== actor.id) {
    throw new ReviewError('conflict', `item ${itemId} is claimed by ${item.claimedBy} now`, { holder: item.claimedBy });
  }
  let cancelled = 0;
  if (action === 'confirm') {
    for (const r of await lockQueuedReferrals(tx, item.postId)) {
      if (r.automated) continue;
      if (r.status !== 'queued') {
        throw new ReviewError(
          'conflict',
          `the referral was already ${r.status === 'failed' ? 'attempted' : 'sent'} (${r.status}); a lead can reverse the decision`,
          {
            referralStatus: r.status,
          },
        );
      }
      await deleteReferral(tx, r.id);
      await appendAudit(tx, {
        actor: actor.id,
        action: 'referral.cancel',
        subjectType: 'referral',
        subjectId: r.id,
        before: { status: r.status, postId: item.postId },
        after: { deleted: true, reason: 'review.undo', decisionId },
      });
      cancelled += 1;
    }
  }
  const previous = (await selectDecisionBefore(tx, itemId, decisionId)) ?? 'open';
  // A final status never comes back from undo: it is where the item was before, which was open work.
  const status: ReviewStatus = previous === 'confirmed' || previous === 'rejected' ? 'open' : previous;
  await setItemStatus(tx, itemId, status, false);
  const leaseExpiresAt = await setLease(tx, itemId, actor.id, deps.leaseSeconds);
  const reverseId = await insertDecision(tx, {
    reviewItemId: itemId,
    postId: item.postId,
    actor: actor.id,
    action: 'reverse',
    reasonCode: 'undo',
    note: null,
  });
  await appendAudit(tx, {
    actor: actor.id,
    action: 'review.undo',
    subjectType: 'review_item',
    subjectId: itemId,
    before: { status: item.status, decisionId, action },
    after: {
      status,
      claimedBy: actor.id,
      leaseExpiresAt,
      decisionId: reverseId,
      undoneDecisionId: decisionId,
      referralsCancelled: cancelled,
    },
  });
  return {
    itemId,
    undoneDecisionId: decisionId,
    undoneAction: action,
    decisionId: reverseId,
    status,
    leaseExpiresAt,
    referralsCancelled: cancelled,
  };
}
