/**
 * Claims: a reviewer holds an item under a lease so two people never work on the same post. A
 * lease is renewed by claiming again and ends by release, by a decision, or by expiring (an
 * expired lease is simply ignored, no sweeper needed). Every change writes its audit event in the
 * same transaction. Lease times come from the database clock so that API processes on different
 * machines agree.
 */
import { appendAudit } from '../core/audit.ts';
import type { Db } from '../core/db/index.ts';
import type { ReviewStatus } from '../generated/prisma/enums.ts';
import { itemNotFound, ReviewError } from './errors.ts';
import type { QueueFilters, Sort } from './filters.ts';
import { clearLease, leaseNextFree, selectItemForUpdate, setLease, type ItemLockRow } from './sql.ts';

export interface Actor {
  /** API key id (or `cli:<user>`). */
  id: string;
  /** Leads and admins may work escalated items and decide in bulk. */
  lead: boolean;
}

/**
 * An item's lockable state, read with FOR UPDATE inside the transaction that changes it;
 * `claimedBy` is null once the lease has run out.
 */
export interface LockedItem extends ItemLockRow {
  /** Who held the lease that has run out, if any: to tell "never claimed" from "your lease expired". */
  expiredHolder: string | null;
}

export async function lockItem(tx: Db, id: string): Promise<LockedItem> {
  const row = await selectItemForUpdate(tx, id);
  if (!row) throw itemNotFound(id);
  return { ...row, claimedBy: row.leaseActive ? row.claimedBy : null, expiredHolder: row.leaseActive ? null : row.claimedBy };
}

/** Statuses an actor may claim: final ones never; escalated ones only leads. */
export function claimableStatuses(actor: Actor): ReviewStatus[] {
  return actor.lead ? ['open', 'needs_translation', 'escalated'] : ['open', 'needs_translation'];
}

export function assertClaimable(item: LockedItem, actor: Actor): void {
  if (item.status === 'confirmed' || item.status === 'rejected') {
    throw new ReviewError('conflict', `item ${item.id} is already decided (${item.status}); a lead can reverse the decision`, {
      status: item.status,
    });
  }
  if (!claimableStatuses(actor).includes(item.status)) {
    throw new ReviewError('forbidden', `item ${item.id} is ${item.status}: only leads handle escalated items`, { status: item.status });
  }
  if (item.claimedBy && item.claimedBy !== actor.id) {
    throw new ReviewError('conflict', `item ${item.id} is claimed by ${item.claimedBy} until ${item.leaseExpiresAt!.toISOString()}`, {
      holder: item.claimedBy,
      leaseExpiresAt: item.leaseExpiresAt!.toISOString(),
    });
  }
}

export interface ClaimResult {
  id: string;
  holder: string;
  leaseExpiresAt: Date;
  /** true when the caller already held the lease and it was extended. */
  renewed: boolean;
}

/** Claims (or, for the holder, renews) an item. 409 naming the holder when someone else has it. */
export async function claimItem(db: Db, id: string, actor: Actor, leaseSeconds: number): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const item = await lockItem(tx, id);
    assertClaimable(item, actor);
    const renewed = item.claimedBy === actor.id;
    const leaseExpiresAt = await setLease(tx, id, actor.id, leaseSeconds);
    await appendAudit(tx, {
      actor: actor.id,
      action: renewed ? 'review.renew' : 'review.claim',
      subjectType: 'review_item',
      subjectId: id,
      before: { claimedBy: item.claimedBy, leaseExpiresAt: item.claimedBy ? item.leaseExpiresAt : null },
      after: { claimedBy: actor.id, leaseExpiresAt },
    });
    return { id, holder: actor.id, leaseExpiresAt, renewed };
  });
}

/** Gives a claim up. Only the holder may release (leads included: they decide, not release, others' items). */
export async function releaseItem(db: Db, id: string, actor: Actor): Promise<{ id: string; released: boolean }> {
  return db.transaction(async (tx) => {
    const item = await lockItem(tx, id);
    if (!item.claimedBy) return { id, released: false };
    if (item.claimedBy !== actor.id) {
      throw new ReviewError('conflict', `item ${id} is claimed by ${item.claimedBy}, not by you`, {
        holder: item.claimedBy,
        leaseExpiresAt: item.leaseExpiresAt!.toISOString(),
      });
    }
    await clearLease(tx, id);
    await appendAudit(tx, {
      actor: actor.id,
      action: 'review.release',
      subjectType: 'review_item',
      subjectId: id,
      before: { claimedBy: item.claimedBy, leaseExpiresAt: item.leaseExpiresAt },
      after: { claimedBy: null, leaseExpiresAt: null },
    });
    return { id, released: true };
  });
}

/**
 * Atomically claims the most urgent (or oldest) unclaimed item matching the filters: one
 * `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)`, so concurrent callers each get
 * a different item without waiting on each other. Returns undefined when nothing is left.
 */
export async function claimNext(
  db: Db,
  actor: Actor,
  filters: QueueFilters,
  sort: Sort,
  leaseSeconds: number,
): Promise<ClaimResult | undefined> {
  const status = filters.status ?? 'open';
  if (!claimableStatuses(actor).includes(status)) {
    throw new ReviewError(
      status === 'escalated' ? 'forbidden' : 'bad_request',
      `cannot claim ${status} items${status === 'escalated' ? ': only leads handle escalated items' : ''}`,
      { field: 'status' },
    );
  }
  return db.transaction(async (tx) => {
    const row = await leaseNextFree(tx, actor.id, { ...filters, status }, sort, leaseSeconds);
    if (!row) return undefined;
    await appendAudit(tx, {
      actor: actor.id,
      action: 'review.claim',
      subjectType: 'review_item',
      subjectId: row.id,
      before: { claimedBy: null, expiredHolder: row.prevHolder },
      after: { claimedBy: actor.id, leaseExpiresAt: row.leaseExpiresAt, via: 'next' },
    });
    return { id: row.id, holder: actor.id, leaseExpiresAt: row.leaseExpiresAt, renewed: false };
  });
}
