/**
 * `POST /v1/platform/referrals/status`: up to 500 reports at once, for platforms that settle their
 * queue in batches. Each update is applied on its own (its own transaction, its own audit event)
 * with the same rules as the single report, and answered per item: one bad update does not undo
 * or block the others. Signed like the single report when the platform has a signing secret
 * (one signature over the whole body).
 */
import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../context.ts';
import { principalOf, secured } from '../auth/require-role.ts';
import { errors, router } from '../openapi.ts';
import { DomainError } from '../../core/errors.ts';
import { reportStatus } from '../../referrals/platform-report.ts';
import { BULK_MAX, BulkStatusBody, BulkStatusResponse } from './platform-schemas.ts';
import { signedOnce } from './platform-signature.ts';
import { referralPlatforms } from '../../referrals/sql.ts';

const ROLES = ['admin', 'platform'] as const;

/** A platform key's body must be signed with its own platform's secret (when it has one). */
const signedByCaller: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const p = principalOf(c);
  const raw = await c.req.text();
  if (p.role !== 'platform' || p.platformId === null) return next();
  const platform = await c.var.ctx.db.prisma.platform.findUnique({ where: { id: p.platformId }, select: { signingSecret: true } });
  return signedOnce(c, p.platformId, platform?.signingSecret ?? null, raw, next);
};

const bulkRoute = createRoute({
  method: 'post',
  path: '/v1/platform/referrals/status',
  tags: ['platform'],
  summary: `Report on up to ${BULK_MAX} referrals at once, with a result per update`,
  description:
    'Each update is `{ referralId, status, ticketId?, reason?, question?, … }` with the rules of the single report, applied in its own transaction and audited on its own. The answer lists, in order, `ok: true` with the transition made, or `ok: false` with the error (unknown or another platform’s referral: `not_found`; an illegal move: `conflict`; a missing reason/question/ticket: `bad_request`). Signed per Standard Webhooks when the platform has a signing secret.',
  middleware: [...secured(...ROLES).middleware, signedByCaller],
  security: [{ bearerAuth: [] }],
  'x-roles': [...ROLES],
  request: { body: { required: true, content: { 'application/json': { schema: BulkStatusBody } } } },
  responses: {
    200: { description: 'One result per update, in order', content: { 'application/json': { schema: BulkStatusResponse } } },
    ...errors(400, 401, 403, 409, 413),
  },
});

export function platformBulkRoutes() {
  const app = router();
  app.openapi(bulkRoute, async (c) => {
    const { updates } = c.req.valid('json');
    const p = principalOf(c);
    const owners = await referralPlatforms(
      c.var.ctx.db,
      updates.map((u) => u.referralId).filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    );
    const results = [];
    for (const u of updates) {
      const { referralId, status, ticketId, reason, question, ...outcome } = u;
      const owner = owners.get(referralId.toLowerCase());
      // Another platform's referral reads as unknown: a platform learns nothing about others' ids.
      if (owner === undefined || (p.role === 'platform' && owner !== p.platformId)) {
        results.push({ referralId, ok: false, error: { code: 'not_found', message: `no referral ${referralId} for this platform` } });
        continue;
      }
      try {
        const t = await reportStatus(c.var.ctx.db, { referralId, status, ticketId, reason, question, outcome }, p.keyId, 'api-bulk');
        results.push({ referralId, ok: true, from: t.from, status: t.to });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        results.push({ referralId, ok: false, error: { code: err.code, message: err.message } });
      }
    }
    return c.json({ results }, 200);
  });
  return app;
}
