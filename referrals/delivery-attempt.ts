/**
 * One attempt at delivering a referral's notice, as the `deliver` job makes it: a sent notice
 * starts the liveness checks; a refusal (permanent) or the last attempt's failure dead-letters the
 * referral as `failed`. The error is rethrown either way, so the queue retries or gives up.
 * A job that runs for a `failed` referral is a retry of the dead job (the queue dashboard's
 * "retry"): the referral is re-queued, audited as a re-delivery, and delivered.
 */
import { deadLetter, DeliveryError, deliverReferral, type DeliverResult } from './deliver.ts';
import type { ReferralDeps } from './create-referral.ts';
import { scheduleLiveness } from './enqueue.ts';
import { requeueFailed } from './redeliver.ts';
import { referralStatus } from './sql.ts';

/** Who re-delivers when a failed deliver job is retried from the queue dashboard. */
export const DASHBOARD_ACTOR = 'system:queue-dashboard';

/** Which attempt this is (1-based) and whether the queue will try again after a failure. */
export interface Attempt {
  number: number;
  last: boolean;
}

export async function deliverAttempt(ctx: ReferralDeps, referralId: string, attempt: Attempt): Promise<DeliverResult> {
  if ((await referralStatus(ctx.db, referralId)) === 'failed') {
    await requeueFailed(ctx.db, referralId, DASHBOARD_ACTOR, 'retry of the failed deliver job').catch(() => undefined);
  }
  try {
    const res = await deliverReferral(ctx.db, ctx.config, referralId);
    if (res.delivery === 'sent') await scheduleLiveness(ctx, referralId, 0);
    return res;
  } catch (err) {
    const permanent = err instanceof DeliveryError && err.permanent;
    if (permanent || attempt.last) {
      const why = permanent ? 'refused' : `gave up after ${attempt.number} attempts`;
      await deadLetter(ctx.db, referralId, `${why}: ${(err as Error).message}`);
    }
    throw err;
  }
}
