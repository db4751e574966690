/**
 * The liveness stage's rules: re-check a referred URL (referrals/liveness-probe.ts) and move the referral
 * along the lifecycle: after the platform's decision, to `confirmed_offline` or `still_online`; from
 * `confirmed_offline` back online is `reappeared`. Before the platform has decided, a removal is
 * recorded (`offlineAt`, audited) without changing the status, so the lifecycle stays in order.
 * Each check schedules the next one until LIVENESS_SCHEDULE is exhausted.
 */
import { appendAudit } from '../core/audit.ts';
import type { ReferralStatus } from '../generated/prisma/enums.ts';
import type { ReferralDeps } from './create-referral.ts';
import { scheduleLiveness } from './enqueue.ts';
import { transition } from './lifecycle.ts';
import { updateReferral } from './sql.ts';
import { checkLiveness, type Liveness } from './liveness-probe.ts';

const NEXT: Partial<Record<ReferralStatus, { offline?: ReferralStatus; online?: ReferralStatus }>> = {
  actioned: { offline: 'confirmed_offline', online: 'still_online' },
  declined: { offline: 'confirmed_offline', online: 'still_online' },
  still_online: { offline: 'confirmed_offline' },
  confirmed_offline: { online: 'reappeared' },
  reappeared: { offline: 'confirmed_offline' },
};

/** Runs check number `check` on a referral, records what it found, and schedules the next check. */
export async function recheckReferral(ctx: ReferralDeps, referralId: string, check: number): Promise<Liveness | { skipped: true }> {
  const r = await ctx.db.prisma.referral.findUnique({
    where: { id: referralId },
    select: { status: true, offlineAt: true, post: { select: { url: true } }, platform: { select: { offlinePatterns: true } } },
  });
  if (!r || r.status === 'queued' || r.status === 'failed') return { skipped: true };
  const live = await checkLiveness(r.post.url, r.platform.offlinePatterns, { allowHosts: ctx.config.fetchAllowHosts });
  const now = new Date();
  const actor = 'system:liveness';
  if (live.state !== 'unknown') {
    const offline = live.state === 'offline';
    const to = NEXT[r.status]?.[live.state];
    const data = offline
      ? { offlineAt: r.offlineAt ?? now, lastCheckedAt: now, livenessChecks: check + 1 }
      : { ...(r.offlineAt ? { reappearedAt: now, offlineAt: null } : {}), lastCheckedAt: now, livenessChecks: check + 1 };
    if (to) {
      await transition(ctx.db, { referralId, to, actor, data, note: { check, ...live } });
    } else {
      await ctx.db.transaction(async (tx) => {
        await updateReferral(tx, referralId, data);
        // A change of state without a status change (before the platform decided) is still audited.
        if (offline !== (r.offlineAt !== null)) {
          await appendAudit(tx, {
            actor,
            action: offline ? 'referral.offline' : 'referral.online',
            subjectType: 'referral',
            subjectId: referralId,
            before: { offlineAt: r.offlineAt },
            after: { check, ...live },
          });
        }
      });
    }
  } else {
    await updateReferral(ctx.db, referralId, { lastCheckedAt: now, livenessChecks: check + 1 });
  }
  await scheduleLiveness(ctx, referralId, check + 1);
  return live;
}
