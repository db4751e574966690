/**
 * Re-delivery of failed referrals: back to `queued` (audited as `referral.redeliver`, with who and
 * why) and onto the `refer` queue again as a `deliver` job. The webhook id is the referral's
 * idempotency key, which never changes, so a receiver that did get an earlier attempt recognises
 * the notice. The old failed job keeps the deterministic job id, so it is removed first; otherwise
 * BullMQ would treat the new job as a duplicate and never run it.
 */
import type { Queue } from 'bullmq';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db/index.ts';
import { jobIds, type Queues } from '../core/jobs.ts';
import { enqueueDelivery } from './enqueue.ts';
import { transition } from './lifecycle.ts';
import { failedReferralIds, referralStatus } from './sql.ts';

export interface RedeliverDeps {
  db: Db;
  config: Config;
  queues: Pick<Queues, 'refer'>;
}

/** Moves one failed referral back to queued (audited); the caller then enqueues or runs delivery. */
export async function requeueFailed(db: Db, referralId: string, actor: string, via: string): Promise<void> {
  await transition(db, {
    referralId,
    to: 'queued',
    from: ['failed'],
    actor,
    action: 'referral.redeliver',
    data: { lastError: null },
    note: { via },
  });
}

/** Re-delivers one failed referral; TransitionError (404, or 409 naming the state) when it is not failed. */
export async function redeliverReferral(deps: RedeliverDeps, referralId: string, actor: string, via: string): Promise<void> {
  await requeueFailed(deps.db, referralId, actor, via);
  const queue = deps.queues.refer as unknown as Queue;
  const old = await queue.getJob(jobIds.deliver(referralId));
  // A running job (a dashboard retry) finds the referral queued and delivers it itself.
  if (old && (await old.isActive())) return;
  if (old) await old.remove();
  await enqueueDelivery(deps.queues, deps.config, referralId);
}

export interface RedeliverSelection {
  ids?: readonly string[];
  platformId?: number | undefined;
}

/** Re-delivers every failed referral matching `sel`; per-referral results, in creation order. */
export async function redeliverFailed(
  deps: RedeliverDeps,
  sel: RedeliverSelection,
  actor: string,
  via: string,
): Promise<{ id: string; ok: boolean; error?: string }[]> {
  const found = await failedReferralIds(deps.db, { ids: sel.ids, platformId: sel.platformId, status: 'failed' });
  const results: { id: string; ok: boolean; error?: string }[] = [];
  // Named ids that are not failed are reported, not skipped silently.
  for (const id of sel.ids ?? []) {
    if (!found.includes(id)) results.push({ id, ok: false, error: await whyNot(deps.db, id) });
  }
  for (const id of found) {
    try {
      await redeliverReferral(deps, id, actor, via);
      results.push({ id, ok: true });
    } catch (err) {
      results.push({ id, ok: false, error: (err as Error).message });
    }
  }
  return results;
}

async function whyNot(db: Db, id: string): Promise<string> {
  const status = /^[0-9a-f-]{36}$/i.test(id) ? await referralStatus(db, id) : undefined;
  return status ? `referral ${id} is ${status}, not failed; only failed referrals are re-delivered` : `no referral ${id}`;
}
