/**
 * One attempt at delivering a referral's notice, as the `deliver` job makes it: a sent notice
 * starts the liveness checks; a refusal (permanent) or the last attempt's failure dead-letters the
 * referral as `failed`. The error is rethrown either way, so the queue retries or gives up.
 */
import { deadLetter, DeliveryError, deliverReferral, type DeliverResult } from './deliver.ts';
import type { ReferralDeps } from './create-referral.ts';
import { scheduleLiveness } from './enqueue.ts';

/** Which attempt this is (1-based) and whether the queue will try again after a failure. */
export interface Attempt {
  number: number;
  last: boolean;
}

export async function deliverAttempt(ctx: ReferralDeps, referralId: string, attempt: Attempt): Promise<DeliverResult> {
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
