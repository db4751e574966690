/**
 * The referral lifecycle as a transition table, and the one function that moves a referral along
 * it. Every move is a conditional update (`WHERE status = <from>`) plus an AuditEvent in the same
 * transaction, so two concurrent reports cannot both win and the trail matches the state.
 *
 *   queued → sent → acknowledged → actioned | declined → confirmed_offline | still_online → reappeared
 *
 * `failed` is the dead-letter state for notices that could not be delivered; re-delivery moves it
 * back to `queued` (referrals/redeliver.ts). `needs_info`: the platform asked a question (from sent
 * or acknowledged); a lead's answer moves it back where it was (referrals/needs-info.ts), and the
 * platform may also act on it directly.
 */
import type { ReferralStatus } from '../generated/prisma/enums.ts';
import { appendAudit } from '../core/audit.ts';
import type { Db } from '../core/db/index.ts';
import { DomainError } from '../core/errors.ts';
import { lockReferralStatus, moveReferral, type ReferralChanges } from './sql.ts';

export const TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  queued: ['sent', 'failed'],
  failed: ['queued'],
  sent: ['acknowledged', 'actioned', 'declined', 'needs_info'],
  acknowledged: ['actioned', 'declined', 'needs_info'],
  needs_info: ['sent', 'acknowledged', 'actioned', 'declined'],
  actioned: ['confirmed_offline', 'still_online'],
  declined: ['confirmed_offline', 'still_online'],
  still_online: ['confirmed_offline'],
  confirmed_offline: ['reappeared'],
  reappeared: ['confirmed_offline'],
};

/** What a platform may report; the rest is decided by delivery and liveness checks. */
export const PLATFORM_REPORTABLE = ['acknowledged', 'actioned', 'declined', 'needs_info'] as const satisfies readonly ReferralStatus[];
export type PlatformReportable = (typeof PLATFORM_REPORTABLE)[number];

/** Unknown referral (not_found) or a move the table or a concurrent move forbids (conflict, with `current`). */
export class TransitionError extends DomainError {
  override readonly name = 'TransitionError';
  constructor(
    readonly reason: 'not_found' | 'illegal_transition',
    message: string,
    readonly current?: ReferralStatus,
  ) {
    super(reason === 'not_found' ? 'not_found' : 'conflict', message, reason === 'not_found' ? undefined : { current });
  }
}

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface TransitionInput {
  referralId: string;
  to: ReferralStatus;
  actor: string;
  /** Extra columns set with the move (ticket id, timestamps, outcome, ...). */
  data?: ReferralChanges;
  /** Restrict the allowed starting states further (e.g. only `queued` for delivery). */
  from?: readonly ReferralStatus[];
  /** Extra facts for the audit event. */
  note?: Record<string, unknown>;
  /** The audit action when it is not `referral.<to>` (e.g. `referral.redeliver` for failed → queued). */
  action?: string;
}

/** Moves a referral; throws TransitionError (nothing changed) when unknown or not allowed. */
export async function transition(db: Db, t: TransitionInput): Promise<{ from: ReferralStatus; to: ReferralStatus }> {
  return db.transaction(async (tx) => {
    const from = await lockReferralStatus(tx, t.referralId);
    if (!from) throw new TransitionError('not_found', `no referral ${t.referralId}`);
    if (!canTransition(from, t.to) || (t.from && !t.from.includes(from))) {
      const allowed = canTransition(from, t.to)
        ? `this move is made only from ${t.from!.join(', ')}`
        : `allowed from ${from}: ${TRANSITIONS[from].join(', ') || 'none'}`;
      throw new TransitionError('illegal_transition', `referral ${t.referralId} is ${from}; it cannot become ${t.to} (${allowed})`, from);
    }
    if (!(await moveReferral(tx, t.referralId, from, t.to, t.data)))
      throw new TransitionError('illegal_transition', `referral ${t.referralId} changed concurrently; retry`, from);
    await appendAudit(tx, {
      actor: t.actor,
      action: t.action ?? `referral.${t.to}`,
      subjectType: 'referral',
      subjectId: t.referralId,
      before: { status: from },
      after: { status: t.to, ...JSON.parse(JSON.stringify(t.data ?? {})), ...t.note },
    });
    return { from, to: t.to };
  });
}
