/**
 * Decisions on review items. A reviewer decides only an item they hold a live claim on; the
 * decision, the status change, the claim's release and the audit event commit together. A
 * confirmation then queues the post on `refer`, where the referral itself is created.
 * Leads may also decide in bulk (without claiming, but never over someone else's live claim)
 * and reverse a decision back to `open`. A confirmation also raises the priority of the other
 * undecided items in the post's network (networks/priority.ts), in the same transaction.
 */
import { appendAudit } from '../core/audit.ts';
import type { Db } from '../core/db/index.ts';
import type { DecisionAction, ReviewStatus } from '../generated/prisma/enums.ts';
import { indexConfirmedPost } from '../networks/near-duplicate-store.ts';
import { lockNetworks, raiseNetworkOnConfirm } from '../networks/priority.ts';
import { enqueue, type Queues } from '../core/jobs.ts';
import { lockItem, type Actor, type LockedItem } from './claims.ts';
import { ReviewError } from './errors.ts';
import { insertDecision, referralExists, setItemStatus } from './sql.ts';

export const DECISION_ACTIONS = ['confirm', 'reject', 'escalate', 'needs_translation'] as const satisfies readonly DecisionAction[];
export type ReviewAction = (typeof DECISION_ACTIONS)[number];

/** Where each action takes an item. */
export const ACTION_STATUS: Record<ReviewAction, ReviewStatus> = {
  confirm: 'confirmed',
  reject: 'rejected',
  escalate: 'escalated',
  needs_translation: 'needs_translation',
};

/** Machine-readable reason: lower-case words joined by `_`, e.g. `smuggling_offer`, `news_report`. */
export const REASON_CODE = /^[a-z][a-z0-9_]{1,63}$/;
export const MAX_NOTE = 2_000;
export const MAX_BULK = 500;

export interface DecisionInput {
  action: ReviewAction;
  reasonCode: string;
  note?: string | undefined;
}

export interface DecisionResult {
  itemId: string;
  postId: string;
  decisionId: string;
  status: ReviewStatus;
  /** Whether a referral job was queued (confirmations only). */
  referQueued: boolean;
}

export interface DecisionDeps {
  db: Db;
  /** Without queues (e.g. an offline tool) a confirmation is recorded but not queued for referral. */
  queues?: Queues | undefined;
  /** The undo window (config reviewUndoMs): a confirmation's refer job waits this long, so an undo can still stop it. */
  undoMs?: number | undefined;
}

function checkInput(input: DecisionInput): void {
  if (!REASON_CODE.test(input.reasonCode)) {
    throw new ReviewError('bad_request', 'reasonCode must be 2–64 lower-case letters, digits or _ (e.g. "smuggling_offer")', {
      field: 'reasonCode',
    });
  }
  if (input.note !== undefined && input.note.length > MAX_NOTE) {
    throw new ReviewError('bad_request', `note must be at most ${MAX_NOTE} characters`, { field: 'note' });
  }
}

/** Legal transitions: final items are decided; an action to the status the item is already in is a no-op we refuse. */
function assertDecidable(item: LockedItem, action: ReviewAction, actor: Actor, mode: 'claimed' | 'bulk'): void {
  if (item.status === 'confirmed' || item.status === 'rejected') {
    throw new ReviewError('conflict', `item ${item.id} is already decided (${item.status}); a lead can reverse the decision first`, {
      status: item.status,
    });
  }
  if (item.status === 'escalated' && !actor.lead) {
    throw new ReviewError('forbidden', `item ${item.id} is escalated: only leads decide escalated items`, { status: item.status });
  }
  if (ACTION_STATUS[action] === item.status) {
    throw new ReviewError('conflict', `item ${item.id} is already ${item.status}`, { status: item.status });
  }
  if (item.claimedBy && item.claimedBy !== actor.id) {
    throw new ReviewError('conflict', `item ${item.id} is claimed by ${item.claimedBy} until ${item.leaseExpiresAt!.toISOString()}`, {
      holder: item.claimedBy,
      leaseExpiresAt: item.leaseExpiresAt!.toISOString(),
    });
  }
  if (mode === 'claimed' && item.claimedBy !== actor.id) {
    // Nobody (live) holds it: deciding needs a claim first.
    throw new ReviewError('conflict', `item ${item.id} is not claimed by you; claim it first (POST /v1/review/items/${item.id}/claim)`, {
      status: item.status,
    });
  }
}

async function decideLocked(tx: Db, item: LockedItem, actor: Actor, input: DecisionInput): Promise<Omit<DecisionResult, 'referQueued'>> {
  const status = ACTION_STATUS[input.action];
  await setItemStatus(tx, item.id, status, status === 'confirmed' || status === 'rejected');
  const decisionId = await insertDecision(tx, {
    reviewItemId: item.id,
    postId: item.postId,
    actor: actor.id,
    action: input.action,
    reasonCode: input.reasonCode,
    note: input.note ?? null,
  });
  await appendAudit(tx, {
    actor: actor.id,
    action: 'review.decision',
    subjectType: 'review_item',
    subjectId: item.id,
    before: { status: item.status, claimedBy: item.claimedBy },
    after: { status, claimedBy: null, decisionId, action: input.action, reasonCode: input.reasonCode, note: input.note ?? null },
  });
  return { itemId: item.id, postId: item.postId, decisionId, status };
}

/**
 * Queues the confirmed post for the refer stage. The job id includes the decision, so a post
 * confirmed again after a reversal is queued anew; the referral's idempotency key still makes
 * the notice unique per content and platform.
 */
async function queueReferral(deps: DecisionDeps, r: Omit<DecisionResult, 'referQueued'>): Promise<boolean> {
  if (r.status !== 'confirmed' || !deps.queues) return false;
  await enqueue(deps.queues, 'refer', { postId: r.postId, decisionId: r.decisionId }, deps.undoMs ? { delay: deps.undoMs } : {});
  return true;
}

/**
 * Decides one item in its own transaction: networks locked before the item on a confirmation (the
 * order classify uses), the decision recorded, the post's network raised. A reviewer deciding an
 * item they hold (`claimed`) whose lease ran out is told to claim it again.
 */
function decideInTransaction(
  deps: DecisionDeps,
  itemId: string,
  actor: Actor,
  input: DecisionInput,
  mode: 'claimed' | 'bulk',
): Promise<Omit<DecisionResult, 'referQueued'>> {
  return deps.db.transaction(async (tx) => {
    if (input.action === 'confirm') await lockNetworks(tx);
    const item = await lockItem(tx, itemId);
    if (mode === 'claimed' && item.expiredHolder === actor.id && item.status !== 'confirmed' && item.status !== 'rejected') {
      throw new ReviewError('conflict', `your lease on item ${itemId} expired at ${item.leaseExpiresAt!.toISOString()}; claim it again`, {
        leaseExpiresAt: item.leaseExpiresAt!.toISOString(),
      });
    }
    assertDecidable(item, input.action, actor, mode);
    const decided = await decideLocked(tx, item, actor, input);
    if (input.action === 'confirm') {
      await raiseNetworkOnConfirm(tx, item.postId);
      await indexConfirmedPost(tx, item.postId);
    }
    return decided;
  });
}

/** One reviewer's decision on an item they hold. */
export async function decideItem(deps: DecisionDeps, itemId: string, actor: Actor, input: DecisionInput): Promise<DecisionResult> {
  checkInput(input);
  const r = await decideInTransaction(deps, itemId, actor, input, 'claimed');
  return { ...r, referQueued: await queueReferral(deps, r) };
}

export type BulkOutcome =
  { id: string; ok: true; status: ReviewStatus; decisionId: string } | { id: string; ok: false; error: { code: string; message: string } };

/**
 * A lead's decision on many items (up to 500). Each item commits on its own, so one conflict
 * does not undo the rest; the answer lists every item's outcome.
 */
export async function bulkDecide(deps: DecisionDeps, ids: readonly string[], actor: Actor, input: DecisionInput): Promise<BulkOutcome[]> {
  if (!actor.lead) throw new ReviewError('forbidden', 'only leads decide in bulk');
  checkInput(input);
  if (ids.length > MAX_BULK) throw new ReviewError('bad_request', `at most ${MAX_BULK} items per bulk decision`, { field: 'ids' });
  const out: BulkOutcome[] = [];
  for (const id of new Set(ids)) {
    try {
      const r = await decideInTransaction(deps, id, actor, input, 'bulk');
      await queueReferral(deps, r);
      out.push({ id, ok: true, status: r.status, decisionId: r.decisionId });
    } catch (err) {
      if (!(err instanceof ReviewError)) throw err;
      out.push({ id, ok: false, error: { code: err.kind, message: err.message } });
    }
  }
  return out;
}

/**
 * A lead reverses the item's last decision: back to `open`, unclaimed. A referral already created
 * for a confirmation stays (its notice may be out); the reversal is on record for whoever follows up.
 */
export async function reverseDecision(
  deps: DecisionDeps,
  itemId: string,
  actor: Actor,
  input: { reasonCode: string; note?: string | undefined },
): Promise<{ itemId: string; decisionId: string; status: 'open'; previousStatus: ReviewStatus; referralExists: boolean }> {
  if (!actor.lead) throw new ReviewError('forbidden', 'only leads reverse decisions');
  checkInput({ action: 'reject', ...input });
  return deps.db.transaction(async (tx) => {
    const item = await lockItem(tx, itemId);
    if (item.status === 'open')
      throw new ReviewError('conflict', `item ${itemId} is open: there is no decision to reverse`, { status: item.status });
    if (item.claimedBy && item.claimedBy !== actor.id) {
      throw new ReviewError('conflict', `item ${itemId} is claimed by ${item.claimedBy} until ${item.leaseExpiresAt!.toISOString()}`, {
        holder: item.claimedBy,
        leaseExpiresAt: item.leaseExpiresAt!.toISOString(),
      });
    }
    await setItemStatus(tx, itemId, 'open', false);
    const decisionId = await insertDecision(tx, {
      reviewItemId: itemId,
      postId: item.postId,
      actor: actor.id,
      action: 'reverse',
      reasonCode: input.reasonCode,
      note: input.note ?? null,
    });
    const referred = await referralExists(tx, item.postId);
    await appendAudit(tx, {
      actor: actor.id,
      action: 'review.reverse',
      subjectType: 'review_item',
      subjectId: itemId,
      before: { status: item.status },
      after: { status: 'open', decisionId, reasonCode: input.reasonCode, note: input.note ?? null, referralExists: referred },
    });
    return { itemId, decisionId, status: 'open' as const, previousStatus: item.status, referralExists: referred };
  });
}
