/**
 * What a platform reports about a referral (acknowledged, actioned, declined, needs_info), as one
 * domain function shared by the API (single and bulk reports) and the /platform page, so both
 * apply the same rules and write the same audit events.
 */
import type { Db } from '../core/db/index.ts';
import type { ReferralStatus } from '../generated/prisma/enums.ts';
import { DomainError } from '../core/errors.ts';
import { transition, type PlatformReportable } from './lifecycle.ts';
import { referralTicket, type ReferralChanges } from './sql.ts';

export interface PlatformReport {
  referralId: string;
  status: PlatformReportable;
  ticketId?: string | undefined;
  /** Required for `declined`. */
  reason?: string | undefined;
  /** Required for `needs_info`: what the platform needs to know before it can act. */
  question?: string | undefined;
  /** Statement-of-reasons fields the platform reports with its decision. */
  outcome?: Record<string, unknown> | undefined;
}

/** A report the rules refuse before anything is read or written (400). */
export class ReportError extends DomainError {
  override readonly name = 'ReportError';
  constructor(message: string, field: string) {
    super('bad_request', message, [{ in: 'body', field, message }]);
  }
}

/**
 * Applies one report as a lifecycle move (audited by `transition`). An acknowledgement needs a
 * ticket id unless the referral already holds one (the webhook reply's ticketId counts).
 */
export async function reportStatus(
  db: Db,
  report: PlatformReport,
  actor: string,
  /** Where the report came from (`api`, `api-bulk`, `platform-page`), kept in the audit event. */
  via = 'api',
): Promise<{ id: string; from: ReferralStatus; to: ReferralStatus }> {
  const { referralId, status } = report;
  const now = new Date();
  let data: ReferralChanges;
  switch (status) {
    case 'acknowledged': {
      const ticketId = report.ticketId ?? (await referralTicket(db, referralId));
      if (!ticketId) throw new ReportError('an acknowledgement needs the platform’s ticketId', 'ticketId');
      data = { ticketId, acknowledgedAt: now };
      break;
    }
    case 'needs_info': {
      const question = report.question?.trim();
      if (!question) throw new ReportError('a needs_info report needs the question the platform wants answered', 'question');
      data = {
        infoRequest: { question, askedBy: actor, askedAt: now.toISOString() },
        ...(report.ticketId ? { ticketId: report.ticketId } : {}),
      };
      break;
    }
    case 'declined':
      if (!report.reason?.trim()) throw new ReportError('a declined referral needs a reason', 'reason');
    // falls through: a decline is a decision like an action, with its reason in the outcome
    case 'actioned':
      data = {
        decidedAt: now,
        outcome: { ...(report.outcome ?? {}), ...(report.reason ? { reason: report.reason } : {}) },
        ...(report.ticketId ? { ticketId: report.ticketId } : {}),
      };
      break;
  }
  // needs_info → acknowledged / sent is the lead's answer (needs-info.ts), not a platform report.
  const from = status === 'acknowledged' ? (['sent'] as const) : undefined;
  const t = await transition(db, { referralId, to: status, actor, data, note: { via }, ...(from ? { from } : {}) });
  return { id: referralId, from: t.from, to: t.to };
}
