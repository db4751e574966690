/**
 * `GET /v1/audit`: the append-only trail of claims, decisions, reversals, key changes and
 * referrals, newest first, filtered and in cursor pages. Leads and admins only: it names who did
 * what.
 */
import { createRoute } from '@hono/zod-openapi';
import { listAudit } from '../../core/audit.ts';
import { badCursor, decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { ROLE_SETS, secured } from '../auth/require-role.ts';
import { DATETIME_PATTERN, errors, router, z } from '../openapi.ts';

const instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-11-01T12:00:00Z' })
  .openapi({ pattern: DATETIME_PATTERN });

const AuditQuery = z
  .object({
    actor: z.string().min(1).max(128).optional(),
    action: z.string().min(1).max(64).optional().openapi({ example: 'review.decision' }),
    subjectType: z.enum(['review_item', 'api_key', 'referral', 'session', 'contact', 'detector_model']).optional(),
    subjectId: z.string().min(1).max(128).optional(),
    since: instant.optional().openapi({ description: 'Inclusive.' }),
    until: instant.optional().openapi({ description: 'Exclusive.' }),
    cursor: z.string().max(512).optional(),
    limit: z.coerce
      .number({ error: 'must be a number' })
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .max(500, 'must be at most 500')
      .default(100),
  })
  .refine((q) => !q.since || !q.until || Date.parse(q.since) <= Date.parse(q.until), {
    message: 'must not be after until',
    path: ['since'],
  });

const AuditEvent = z
  .object({
    id: z.string().openapi({ description: 'Increasing; a string because it is a 64-bit integer.' }),
    actor: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AuditEvent');

const route = createRoute({
  method: 'get',
  path: '/v1/audit',
  tags: ['audit'],
  summary: 'The audit trail',
  ...secured(...ROLE_SETS.lead),
  request: { query: AuditQuery },
  responses: {
    200: {
      description: 'A page of events, newest first',
      content: {
        'application/json': { schema: z.object({ events: z.array(AuditEvent), nextCursor: z.string().nullable() }).openapi('AuditPage') },
      },
    },
    ...errors(400, 401, 403),
  },
});

export function auditRoutes() {
  const app = router();
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    let beforeId: bigint | undefined;
    if (q.cursor) {
      const cur = decodeCursor(q.cursor, 'audit');
      if (!/^\d{1,19}$/.test(cur.id)) throw badCursor('not a cursor');
      beforeId = BigInt(cur.id);
    }
    const res = await listAudit(c.var.ctx.db, {
      ...q,
      since: q.since ? new Date(q.since) : undefined,
      until: q.until ? new Date(q.until) : undefined,
      beforeId,
    });
    const nextCursor = res.more && res.lastId !== null ? encodeCursor({ s: 'audit', v: 0, id: res.lastId.toString() }) : null;
    return c.json({ events: res.events, nextCursor }, 200);
  });
  return app;
}
