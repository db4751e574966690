/**
 * Platform-facing referral routes. A platform's trust & safety team lists what was sent to it and
 * reports what it did, with its platform-scoped key; when its platform has a signing secret, a
 * status report must also carry a Standard Webhooks signature over the raw body (the same scheme
 * we sign notices with), so a leaked API key alone cannot forge outcomes. Admins may do both for
 * any platform (operators correcting a record). Every change is a lifecycle transition
 * (referrals/lifecycle.ts): audited, and refused with a 4xx naming the problem otherwise.
 * The signature covers the body but not the path, so the body names its referral (`referralId`)
 * and must match the path: a captured report for one referral cannot be replayed onto another.
 */
import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../context.ts';
import { principalOf, secured } from '../auth/require-role.ts';
import { ApiError, notFound } from '../errors.ts';
import { errors, router, z } from '../openapi.ts';
import { ReferralStatus } from '../../generated/prisma/enums.ts';
import { PLATFORM_REPORTABLE, transition } from '../../referrals/lifecycle.ts';
import { verify } from '../../referrals/delivery/signature.ts';
import { openSecret } from '../../referrals/secrets.ts';
import { oncePerWebhookId } from '../middleware/webhook-replay.ts';

const ROLES = ['admin', 'platform'] as const;
const STATUSES = Object.values(ReferralStatus);

const Referral = z
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
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    offlineAt: z.string().nullable(),
    reappearedAt: z.string().nullable(),
  })
  .openapi('PlatformReferral');

const listRoute = createRoute({
  method: 'get',
  path: '/v1/platform/referrals',
  tags: ['platform'],
  summary: 'Referrals sent to the caller’s platform, newest first',
  ...secured(...ROLES),
  request: {
    query: z.object({
      status: z.enum(STATUSES).optional(),
      platform: z.string().min(1).max(64).optional().openapi({ description: 'Admins only; platform keys always see their own platform.' }),
      limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: { description: 'Referrals', content: { 'application/json': { schema: z.object({ referrals: z.array(Referral) }) } } },
    ...errors(400, 401, 403),
  },
});

const StatusBody = z
  .object({
    referralId: z
      .string({ error: 'required: the id of the referral this report is about (the {id} in the path), so the signed body names it' })
      .min(1)
      .max(64)
      .openapi({
        description:
          'The referral this report is about; must equal the `{id}` in the path. It is inside the signed body, so a signed report for one referral cannot be replayed onto another.',
      }),
    status: z.enum(PLATFORM_REPORTABLE),
    ticketId: z.string().min(1).max(200).optional(),
    reason: z.string().min(1).max(2_000).optional().openapi({ description: 'Required for `declined`.' }),
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
  })
  .refine((b) => b.status !== 'declined' || b.reason, { message: 'a declined referral needs a reason', path: ['reason'] })
  .refine((b) => b.status !== 'acknowledged' || b.ticketId, {
    message: 'an acknowledgement needs the platform’s ticketId',
    path: ['ticketId'],
  })
  .openapi('ReferralStatusReport');

/**
 * Runs before body validation so it sees the exact bytes that were signed (the validator then
 * parses the cached text). Checks existence and ownership first: those answers name the problem.
 */
const ownedAndSigned: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const id = c.req.param('id') ?? '';
  const p = principalOf(c);
  const ref = /^[0-9a-f-]{36}$/i.test(id)
    ? await c.var.ctx.db.prisma.referral.findUnique({
        where: { id },
        select: { platformId: true, platform: { select: { name: true, signingSecret: true } } },
      })
    : null;
  if (!ref) throw notFound(`no referral ${id}`);
  if (p.role === 'platform' && p.platformId !== ref.platformId) {
    throw new ApiError(403, 'forbidden', `referral ${id} was sent to another platform; this key acts for ${p.platform}`);
  }
  const raw = await c.req.text();
  if (p.role === 'platform' && ref.platform.signingSecret) {
    const secret = openSecret(ref.platform.signingSecret, c.var.ctx.config.secretsKey);
    const failure = verify(
      secret,
      { id: c.req.header('webhook-id'), timestamp: c.req.header('webhook-timestamp'), signature: c.req.header('webhook-signature') },
      raw,
    );
    const messages = {
      missing_headers: 'platform requests must be signed: send webhook-id, webhook-timestamp and webhook-signature (Standard Webhooks)',
      bad_timestamp: 'webhook-timestamp must be Unix seconds',
      stale_timestamp: 'webhook-timestamp is more than 5 minutes from now; re-sign the request',
      bad_signature: 'webhook-signature does not match the body signed with the platform’s secret',
    } as const;
    if (failure) throw new ApiError(401, 'unauthorized', messages[failure], { reason: failure });
    return oncePerWebhookId(c, ref.platformId, c.req.header('webhook-id')!, next);
  }
  await next();
};

const statusRoute = createRoute({
  method: 'post',
  path: '/v1/platform/referrals/{id}/status',
  tags: ['platform'],
  summary: 'Report what the platform did with a referral',
  description:
    'acknowledged (with ticketId) → actioned | declined (with reason). The body names the referral (`referralId`, equal to the path `{id}`; a mismatch is refused with 400). Signed per Standard Webhooks (over `webhook-id.webhook-timestamp.body`) when the platform has a signing secret.',
  middleware: [...secured(...ROLES).middleware, ownedAndSigned],
  security: [{ bearerAuth: [] }],
  'x-roles': [...ROLES],
  request: {
    params: z.object({ id: z.string() }),
    body: { required: true, content: { 'application/json': { schema: StatusBody } } },
  },
  responses: {
    200: {
      description: 'The transition made',
      content: { 'application/json': { schema: z.object({ id: z.string(), from: z.enum(STATUSES), status: z.enum(STATUSES) }) } },
    },
    ...errors(400, 401, 403, 404, 409, 413),
  },
});

export function platformReferralRoutes() {
  const app = router();
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const p = principalOf(c);
    let platformId: number | undefined;
    if (p.role === 'platform') platformId = p.platformId ?? -1;
    else if (q.platform) {
      platformId = await c.var.ctx.platforms.idOf(q.platform);
      if (platformId === undefined) throw new ApiError(400, 'bad_request', `query platform: unknown platform ${q.platform}`);
    }
    const rows = await c.var.ctx.db.prisma.referral.findMany({
      where: { platformId, status: q.status },
      orderBy: { createdAt: 'desc' },
      take: q.limit,
      include: { platform: { select: { name: true } }, post: { select: { url: true, platformPostId: true } } },
    });
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return c.json(
      {
        referrals: rows.map((r) => ({
          id: r.id,
          platform: r.platform.name,
          status: r.status,
          automated: r.automated,
          url: r.post.url,
          platformPostId: r.post.platformPostId,
          ticketId: r.ticketId,
          outcome: r.outcome,
          notice: r.notice,
          createdAt: r.createdAt.toISOString(),
          sentAt: iso(r.sentAt),
          acknowledgedAt: iso(r.acknowledgedAt),
          decidedAt: iso(r.decidedAt),
          offlineAt: iso(r.offlineAt),
          reappearedAt: iso(r.reappearedAt),
        })),
      },
      200,
    );
  });
  app.openapi(statusRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { referralId, status, ticketId, ...outcome } = c.req.valid('json');
    // The path is not signed; the body is. Binding them stops a signed report being replayed elsewhere.
    if (referralId.toLowerCase() !== id.toLowerCase()) {
      throw new ApiError(
        400,
        'bad_request',
        `body referralId: ${referralId} does not match the referral in the path (${id}); a report applies only to the referral it names`,
        [{ in: 'body', field: 'referralId', message: 'does not match the path id' }],
      );
    }
    const now = new Date();
    const data =
      status === 'acknowledged'
        ? { ticketId, acknowledgedAt: now }
        : { decidedAt: now, outcome: outcome as object, ...(ticketId ? { ticketId } : {}) };
    const t = await transition(c.var.ctx.db, { referralId: id, to: status, actor: principalOf(c).keyId, data });
    return c.json({ id, from: t.from, status: t.to }, 200);
  });
  return app;
}
