/**
 * Platform-facing referral routes. A platform's trust & safety team lists what was sent to it and
 * reports what it did, with its platform-scoped key; when its platform has a signing secret, a
 * status report must also carry a Standard Webhooks signature over the raw body (the same scheme
 * we sign notices with), so a leaked API key alone cannot forge outcomes. Admins may do both for
 * any platform (operators correcting a record). Every change is a lifecycle transition
 * (referrals/platform-report.ts → lifecycle.ts): audited, and refused with a 4xx naming the problem otherwise.
 * The signature covers the body but not the path, so the body names its referral (`referralId`)
 * and must match the path: a captured report for one referral cannot be replayed onto another.
 * Bulk reports: platform-referrals-bulk.ts; evidence downloads: platform-evidence.ts.
 */
import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../context.ts';
import { principalOf, secured } from '../auth/require-role.ts';
import { ApiError, notFound } from '../errors.ts';
import { errors, router, z } from '../openapi.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { evidenceFileNames } from '../../referrals/evidence-files.ts';
import { reportStatus } from '../../referrals/platform-report.ts';
import { listPlatformReferrals, type PlatformReferralRow } from '../../referrals/sql.ts';
import { platformBulkRoutes } from './platform-referrals-bulk.ts';
import { platformEvidenceRoutes } from './platform-evidence.ts';
import { ListQuery, ListResponse, StatusBody, TransitionResult } from './platform-schemas.ts';
import { signedOnce } from './platform-signature.ts';

const ROLES = ['admin', 'platform'] as const;
/** The keyset cursor's sort name (core/cursor.ts refuses a cursor made for another order). */
const CURSOR_SORT = 'created';

const listRoute = createRoute({
  method: 'get',
  path: '/v1/platform/referrals',
  tags: ['platform'],
  summary: 'Referrals sent to the caller’s platform, newest first',
  description:
    'Filter by `status` and `since`; page with `cursor` (the previous page’s `nextCursor`). Each referral shows its delivery `attempts` and `lastError`.',
  ...secured(...ROLES),
  request: { query: ListQuery },
  responses: {
    200: { description: 'Referrals', content: { 'application/json': { schema: ListResponse } } },
    ...errors(400, 401, 403),
  },
});

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
  if (p.role === 'platform') return signedOnce(c, ref.platformId, ref.platform.signingSecret, raw, next);
  await next();
};

const statusRoute = createRoute({
  method: 'post',
  path: '/v1/platform/referrals/{id}/status',
  tags: ['platform'],
  summary: 'Report what the platform did with a referral',
  description:
    'acknowledged (with ticketId, unless the webhook reply gave one) → actioned | declined (with reason); needs_info (with question) from sent or acknowledged, answered by a lead. The body names the referral (`referralId`, equal to the path `{id}`; a mismatch is refused with 400). Signed per Standard Webhooks (over `webhook-id.webhook-timestamp.body`) when the platform has a signing secret.',
  middleware: [...secured(...ROLES).middleware, ownedAndSigned],
  security: [{ bearerAuth: [] }],
  'x-roles': [...ROLES],
  request: {
    params: z.object({ id: z.string() }),
    body: { required: true, content: { 'application/json': { schema: StatusBody } } },
  },
  responses: {
    200: { description: 'The transition made', content: { 'application/json': { schema: TransitionResult } } },
    ...errors(400, 401, 403, 404, 409, 413),
  },
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A row as the API shows it (evidence as downloadable file names, never local paths). */
export function referralView(r: PlatformReferralRow) {
  return {
    id: r.id,
    platform: r.platform,
    status: r.status,
    automated: r.automated,
    url: r.url,
    platformPostId: r.platformPostId,
    ticketId: r.ticketId,
    outcome: r.outcome,
    notice: r.notice,
    infoRequest: (r.infoRequest ?? null) as z.infer<typeof ListResponse>['referrals'][number]['infoRequest'],
    attempts: r.attempts,
    lastError: r.lastError,
    evidenceFiles: evidenceFileNames(r.evidence),
    createdAt: r.createdAt.toISOString(),
    sentAt: iso(r.sentAt),
    acknowledgedAt: iso(r.acknowledgedAt),
    decidedAt: iso(r.decidedAt),
    offlineAt: iso(r.offlineAt),
    reappearedAt: iso(r.reappearedAt),
  };
}

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
    let after: { createdAt: Date; id: string } | undefined;
    if (q.cursor) {
      const cur = decodeCursor(q.cursor, CURSOR_SORT);
      const createdAt = new Date(String(cur.v));
      if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(cur.id))
        throw new ApiError(400, 'bad_request', 'query cursor: not a cursor of this list');
      after = { createdAt, id: cur.id };
    }
    const rows = await listPlatformReferrals(c.var.ctx.db, {
      platformId,
      status: q.status,
      since: q.since ? new Date(q.since) : undefined,
      after,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > q.limit && last ? encodeCursor({ s: CURSOR_SORT, v: last.createdAt.toISOString(), id: last.id }) : null;
    return c.json({ referrals: page.map(referralView), nextCursor }, 200);
  });
  app.openapi(statusRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { referralId, status, ticketId, reason, question, ...outcome } = c.req.valid('json');
    // The path is not signed; the body is. Binding them stops a signed report being replayed elsewhere.
    if (referralId.toLowerCase() !== id.toLowerCase()) {
      throw new ApiError(
        400,
        'bad_request',
        `body referralId: ${referralId} does not match the referral in the path (${id}); a report applies only to the referral it names`,
        [{ in: 'body', field: 'referralId', message: 'does not match the path id' }],
      );
    }
    const t = await reportStatus(c.var.ctx.db, { referralId: id, status, ticketId, reason, question, outcome }, principalOf(c).keyId);
    return c.json({ id, from: t.from, status: t.to }, 200);
  });
  app.route('/', platformBulkRoutes());
  app.route('/', platformEvidenceRoutes());
  return app;
}
