/**
 * Operator actions on a referral, for leads and admins: `POST /v1/referrals/{id}/redeliver` sends a
 * failed referral again (referrals/redeliver.ts: back to queued, audited, same webhook id) and
 * `POST /v1/referrals/{id}/answer` answers a platform's `needs_info` question
 * (referrals/needs-info.ts: back to sent or acknowledged, audited, shown to the platform).
 */
import { createRoute } from '@hono/zod-openapi';
import { principalOf, ROLE_SETS, secured } from '../auth/require-role.ts';
import { errors, router, z } from '../openapi.ts';
import { ANSWER_MAX, answerQuestion } from '../../referrals/needs-info.ts';
import { redeliverReferral } from '../../referrals/redeliver.ts';
import { STATUSES } from './platform-schemas.ts';

const redeliverRoute = createRoute({
  method: 'post',
  path: '/v1/referrals/{id}/redeliver',
  tags: ['referrals'],
  summary: 'Send a failed referral again',
  description:
    'Moves a `failed` referral back to `queued` and queues its delivery with the same idempotency key (webhook-id), so a receiver that saw an earlier attempt recognises it. Audited as `referral.redeliver`. 409 when the referral is not failed.',
  ...secured(...ROLE_SETS.lead),
  request: { params: z.object({ id: z.uuid({ error: 'must be a referral id (UUID)' }) }) },
  responses: {
    202: {
      description: 'Queued for delivery',
      content: { 'application/json': { schema: z.object({ id: z.string(), status: z.enum(STATUSES) }) } },
    },
    ...errors(400, 401, 403, 404, 409),
  },
});

const answerRoute = createRoute({
  method: 'post',
  path: '/v1/referrals/{id}/answer',
  tags: ['referrals'],
  summary: 'Answer a platform’s question about a referral (needs_info)',
  description:
    'The answer is stored with the question and shown to the platform; the referral goes back to `acknowledged` if the platform had acknowledged it, else to `sent`. Audited as `referral.answer`. 409 when there is no open question.',
  ...secured(...ROLE_SETS.lead),
  request: {
    params: z.object({ id: z.uuid({ error: 'must be a referral id (UUID)' }) }),
    body: { required: true, content: { 'application/json': { schema: z.object({ answer: z.string().min(1).max(ANSWER_MAX) }) } } },
  },
  responses: {
    200: {
      description: 'Answered',
      content: { 'application/json': { schema: z.object({ id: z.string(), status: z.enum(['sent', 'acknowledged']) }) } },
    },
    ...errors(400, 401, 403, 404, 409),
  },
});

export function referralOperationRoutes() {
  const app = router();
  app.openapi(redeliverRoute, async (c) => {
    const { id } = c.req.valid('param');
    await redeliverReferral(c.var.ctx, id, principalOf(c).keyId, 'api');
    return c.json({ id, status: 'queued' as const }, 202);
  });
  app.openapi(answerRoute, async (c) => {
    const { id } = c.req.valid('param');
    const p = principalOf(c);
    const r = await answerQuestion(c.var.ctx.db, { referralId: id, answer: c.req.valid('json').answer, actor: p.keyId, actorName: p.name });
    return c.json(r, 200);
  });
  return app;
}
