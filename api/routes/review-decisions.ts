/**
 * Decisions: a reviewer decides an item they hold (`/decision`); leads decide up to 500 items at
 * once (`/bulk-decision`) and reverse decisions (`/reverse`); anyone undoes their own last
 * decision within 10 s (`/undo`). Illegal transitions are 409s with
 * the reason in `message`.
 */
import { createRoute } from '@hono/zod-openapi';
import { bulkDecide, decideItem, reverseDecision } from '../../review/decisions.ts';
import { undoDecision } from '../../review/undo.ts';
import { reviewActor, ROLE_SETS, secured } from '../auth/require-role.ts';
import { errors, router } from '../openapi.ts';
import {
  BulkBody,
  BulkResult,
  DecisionBody,
  DecisionResult,
  ItemIdParam,
  ReverseBody,
  ReverseResult,
  UndoResult,
} from './review-schemas.ts';

const decide = createRoute({
  method: 'post',
  path: '/v1/review/items/{id}/decision',
  tags: ['review'],
  summary: 'Decide an item you hold',
  description:
    '`confirm` → confirmed (queued for referral), `reject` → rejected, `escalate` → escalated (leads handle it), `needs_translation` → needs_translation. Releases the claim.',
  ...secured(...ROLE_SETS.work),
  request: { params: ItemIdParam, body: { required: true, content: { 'application/json': { schema: DecisionBody } } } },
  responses: {
    200: { description: 'Decided', content: { 'application/json': { schema: DecisionResult } } },
    ...errors(400, 401, 403, 404, 409, 413, 415),
  },
});

const bulk = createRoute({
  method: 'post',
  path: '/v1/review/bulk-decision',
  tags: ['review'],
  summary: 'Decide many items at once (leads)',
  description:
    'Each item commits on its own; items claimed by someone else or already decided are reported in `results`, the rest decided.',
  ...secured(...ROLE_SETS.lead),
  request: { body: { required: true, content: { 'application/json': { schema: BulkBody } } } },
  responses: {
    200: { description: 'Per-item outcomes', content: { 'application/json': { schema: BulkResult } } },
    ...errors(400, 401, 403, 413, 415),
  },
});

const reverse = createRoute({
  method: 'post',
  path: '/v1/review/items/{id}/reverse',
  tags: ['review'],
  summary: 'Reverse a decision (leads)',
  description: 'Puts the item back to `open`, unclaimed. A referral already created stays; `referralExists` says so.',
  ...secured(...ROLE_SETS.lead),
  request: { params: ItemIdParam, body: { required: true, content: { 'application/json': { schema: ReverseBody } } } },
  responses: {
    200: { description: 'Reversed', content: { 'application/json': { schema: ReverseResult } } },
    ...errors(400, 401, 403, 404, 409, 413, 415),
  },
});

const undo = createRoute({
  method: 'post',
  path: '/v1/review/items/{id}/undo',
  tags: ['review'],
  summary: 'Undo your own last decision (within 10 s)',
  description:
    'Takes back the caller’s own last decision on the item within 10 seconds, while no referral has been sent: the item returns to the status it had, claimed by the caller again; a queued referral is cancelled. Recorded as a `reverse` decision with reason `undo` and a `review.undo` audit event. Someone else’s decision is 403; past the window, or once a referral is sent, 409 (a lead can reverse).',
  ...secured(...ROLE_SETS.work),
  request: { params: ItemIdParam },
  responses: {
    200: { description: 'Undone', content: { 'application/json': { schema: UndoResult } } },
    ...errors(400, 401, 403, 404, 409),
  },
});

export function reviewDecisionRoutes() {
  const app = router();
  app.openapi(decide, async (c) => {
    const { db, queues, config } = c.var.ctx;
    return c.json(
      await decideItem({ db, queues, undoMs: config.reviewUndoMs }, c.req.valid('param').id, reviewActor(c), c.req.valid('json')),
      200,
    );
  });
  app.openapi(bulk, async (c) => {
    const { db, queues, config } = c.var.ctx;
    const { ids, ...input } = c.req.valid('json');
    const results = await bulkDecide({ db, queues, undoMs: config.reviewUndoMs }, ids, reviewActor(c), input);
    const decided = results.filter((r) => r.ok).length;
    return c.json({ decided, failed: results.length - decided, results }, 200);
  });
  app.openapi(reverse, async (c) => {
    const { db, queues } = c.var.ctx;
    return c.json(await reverseDecision({ db, queues }, c.req.valid('param').id, reviewActor(c), c.req.valid('json')), 200);
  });
  app.openapi(undo, async (c) => {
    const { db, queues, config } = c.var.ctx;
    const r = await undoDecision(
      { db, queues, leaseSeconds: config.reviewLeaseSeconds, windowMs: config.reviewUndoMs },
      c.req.valid('param').id,
      reviewActor(c),
    );
    return c.json({ ...r, leaseExpiresAt: r.leaseExpiresAt.toISOString() }, 200);
  });
  return app;
}
