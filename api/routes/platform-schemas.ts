/** Request and response schemas of the platform-facing referral routes (api/routes/platform-*.ts). */
import { z } from '../openapi.ts';
import { ReferralStatus } from '../../generated/prisma/enums.ts';
import { PLATFORM_REPORTABLE } from '../../referrals/lifecycle.ts';
import { EVIDENCE_FILES } from '../../referrals/evidence-files.ts';

export const STATUSES = Object.values(ReferralStatus);

/** Updates one bulk report may carry. */
export const BULK_MAX = 500;

export const PlatformReferral = z
  .object({
    id: z.string(),
    platform: z.string(),
    status: z.enum(STATUSES),
    automated: z.boolean(),
    url: z.string(),
    platformPostId: z.string(),
    ticketId: z.string().nullable(),
    outcome: z.unknown(),
    notice: z.unknown(),
    infoRequest: z
      .object({
        question: z.string(),
        askedBy: z.string(),
        askedAt: z.string(),
        answer: z.string().optional(),
        answeredBy: z.string().optional(),
        answeredAt: z.string().optional(),
      })
      .nullable()
      .openapi({ description: 'The platform’s latest question (needs_info) and the lead’s answer, once given.' }),
    attempts: z.number().int().openapi({ description: 'Delivery attempts made so far.' }),
    lastError: z.string().nullable().openapi({ description: 'Why the last delivery attempt failed (null after a successful one).' }),
    evidenceFiles: z
      .array(z.enum(EVIDENCE_FILES))
      .openapi({ description: 'Files downloadable from /v1/platform/referrals/{id}/evidence/{file}.' }),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    offlineAt: z.string().nullable(),
    reappearedAt: z.string().nullable(),
  })
  .openapi('PlatformReferral');

export const ListQuery = z.object({
  status: z.enum(STATUSES).optional(),
  platform: z.string().min(1).max(64).optional().openapi({ description: 'Admins only; platform keys always see their own platform.' }),
  since: z.iso
    .datetime({ offset: true, error: 'must be an ISO date or date-time' })
    .or(z.iso.date({ error: 'must be an ISO date or date-time' }))
    .optional()
    .openapi({ description: 'Only referrals created at or after this instant (a date means its start, UTC).' }),
  cursor: z.string().min(1).max(512).optional().openapi({ description: 'The `nextCursor` of the previous page, unchanged.' }),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(500).default(100),
});

export const ListResponse = z.object({
  referrals: z.array(PlatformReferral),
  nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
});

/** Statement-of-reasons fields a platform may report with its decision. */
const outcomeFields = {
  reason: z.string().min(1).max(2_000).optional().openapi({ description: 'Required for `declined`.' }),
  question: z.string().min(1).max(2_000).optional().openapi({ description: 'Required for `needs_info`: what the platform needs to know.' }),
  decision_visibility: z
    .array(z.string().regex(/^DECISION_VISIBILITY_[A-Z_]+$/))
    .max(10)
    .optional(),
  decision_account: z
    .string()
    .regex(/^DECISION_ACCOUNT_[A-Z_]+$/)
    .optional(),
  decision_ground: z.enum(['DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT']).optional(),
  automated_decision: z.enum(['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED']).optional(),
};

const reportFields = {
  referralId: z
    .string({ error: 'required: the id of the referral this report is about (the {id} in the path), so the signed body names it' })
    .min(1)
    .max(64)
    .openapi({
      description:
        'The referral this report is about; must equal the `{id}` in the path. It is inside the signed body, so a signed report for one referral cannot be replayed onto another.',
    }),
  status: z.enum(PLATFORM_REPORTABLE),
  ticketId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Required for `acknowledged` unless the referral already has one (e.g. from the webhook reply).' }),
  ...outcomeFields,
};

export const StatusBody = z.object(reportFields).openapi('ReferralStatusReport');
export type StatusReport = z.infer<typeof StatusBody>;

export const BulkStatusBody = z
  .object({
    updates: z
      .array(z.object(reportFields))
      .min(1)
      .max(BULK_MAX, { error: `at most ${BULK_MAX} updates per request` }),
  })
  .openapi('ReferralStatusBulkReport');

export const BulkStatusResponse = z
  .object({
    results: z.array(
      z.object({
        referralId: z.string(),
        ok: z.boolean(),
        from: z.enum(STATUSES).optional(),
        status: z.enum(STATUSES).optional(),
        error: z.object({ code: z.string(), message: z.string() }).optional(),
      }),
    ),
  })
  .openapi('ReferralStatusBulkResult');

export const TransitionResult = z.object({ id: z.string(), from: z.enum(STATUSES), status: z.enum(STATUSES) });
