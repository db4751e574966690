/**
 * What follows what in a referral's life: a new referral goes to evidence capture (when on) or
 * straight to delivery; a sent notice starts the liveness checks, one job per LIVENESS_SCHEDULE
 * step. Queue names, ids and retry settings come from core/jobs.ts.
 */
import type { Config } from '../core/config.ts';
import { enqueue, type Queues } from '../core/jobs.ts';
import { parseSchedule } from './liveness-schedule.ts';

/** Queues the notice for sending, with the delivery retry policy from config. */
export async function enqueueDelivery(queues: Pick<Queues, 'refer'>, config: Config, referralId: string): Promise<void> {
  await enqueue(queues, 'deliver', { referralId }, { config });
}

/** Next step for a new referral: evidence capture first when enabled, else straight to delivery. */
export async function enqueueAfterCreate(queues: Pick<Queues, 'refer' | 'evidence'>, config: Config, referralId: string): Promise<void> {
  if (config.evidence.capture) {
    await enqueue(queues, 'evidence', { referralId });
  } else {
    await enqueueDelivery(queues, config, referralId);
  }
}

/** Queues check number `check` after its delay; nothing once the schedule is exhausted. */
export async function scheduleLiveness(
  ctx: { queues: Pick<Queues, 'liveness'>; config: Config },
  referralId: string,
  check: number,
): Promise<boolean> {
  const delays = parseSchedule(ctx.config.livenessSchedule);
  if (check >= delays.length) return false;
  await enqueue(ctx.queues, 'liveness', { referralId, check }, { delay: delays[check]! });
  return true;
}
