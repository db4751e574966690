/**
 * Decisions: a reviewer decides an item they hold (`/decision`); leads decide up to 500 items at
 * once (`/bulk-decision`) and reverse decisions (`/reverse`). Illegal transitions are 409s with
 * the reason in `message`.
 */
import { createRoute } from '@hono/zod-openapi';
import { bulkDecide, decideItem, reverseDecision } from '../../review/decisions.ts';
import { reviewActor, ROLE_SETS, secured } from '../auth/require-role.ts';
import { errors, router } from '../openapi.ts';
import { BulkBody, BulkResult, DecisionBody, DecisionResult, ItemIdParam, ReverseBody, ReverseResult } from './review-schemas.ts';

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

export function reviewDecisionRoutes() {
  const app = router();
  app.openapi(decide, async (c) => {
    const { db, queues } = c.var.ctx;
    return c.json(await decideItem({ db, queues }, c.req.valid('param').id, reviewActor(c), c.req.valid('json')), 200);
  });
  app.openapi(bulk, async (c) => {
    const { db, queues } = c.var.ctx;
    const { ids, ...input } = c.req.valid('json');
    const results = await bulkDecide({ db, queues }, ids, reviewActor(c), input);
    const decided = results.filter((r) => r.ok).length;
    return c.json({ decided, failed: results.length - decided, results }, 200);
  });
  app.openapi(reverse, async (c) => {
    const { db, queues } = c.var.ctx;
    return c.json(await reverseDecision({ db, queues }, c.req.valid('param').id, reviewActor(c), c.req.valid('json')), 200);
  });
  return app;
}
