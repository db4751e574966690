/**
 * Claims on review items: claim (or renew) one, release it, or atomically take the next matching
 * item. A claim is a lease of REVIEW_LEASE_SECONDS; someone else's live claim is a 409 naming the
 * holder.
 */
import { createRoute } from '@hono/zod-openapi';
import { claimItem, claimNext, releaseItem } from '../../review/claims.ts';
import { getReviewItem } from '../../review/review-list.ts';
import { reviewActor, ROLE_SETS, secured } from '../auth/require-role.ts';
import { badRequest } from '../errors.ts';
import { errors, router, z } from '../openapi.ts';
import { platformFilter } from './review-items.ts';
import { Claim, ItemIdParam, NextBody } from './review-schemas.ts';

const claim = createRoute({
  method: 'post',
  path: '/v1/review/items/{id}/claim',
  tags: ['review'],
  summary: 'Claim an item, or renew your claim',
  description: 'Gives the caller a lease on the item. Calling again while holding it extends the lease.',
  ...secured(...ROLE_SETS.work),
  request: { params: ItemIdParam },
  responses: {
    200: { description: 'Claimed (or renewed)', content: { 'application/json': { schema: Claim } } },
    ...errors(400, 401, 403, 404, 409),
  },
});

const release = createRoute({
  method: 'post',
  path: '/v1/review/items/{id}/release',
  tags: ['review'],
  summary: 'Release your claim',
  ...secured(...ROLE_SETS.work),
  request: { params: ItemIdParam },
  responses: {
    200: {
      description: '`released` is false when there was no live claim to release',
      content: { 'application/json': { schema: z.object({ id: z.uuid(), released: z.boolean() }).openapi('Release') } },
    },
    ...errors(400, 401, 403, 404, 409),
  },
});

const next = createRoute({
  method: 'post',
  path: '/v1/review/next',
  tags: ['review'],
  summary: 'Claim the next matching item',
  description: 'Atomically claims the most urgent (or oldest) unclaimed item matching the filters. 204 when none is left.',
  ...secured(...ROLE_SETS.work),
  request: { body: { required: false, content: { 'application/json': { schema: NextBody } } } },
  responses: {
    200: { description: 'Claimed', content: { 'application/json': { schema: Claim } } },
    204: { description: 'No unclaimed item matches' },
    ...errors(400, 401, 403, 413, 415),
  },
});

export function reviewClaimRoutes() {
  const app = router();
  app.openapi(claim, async (c) => {
    const { db, config } = c.var.ctx;
    const id = c.req.valid('param').id;
    const r = await claimItem(db, id, reviewActor(c), config.reviewLeaseSeconds);
    return c.json({ ...r, leaseExpiresAt: r.leaseExpiresAt.toISOString(), item: await getReviewItem(db, id) }, 200);
  });
  app.openapi(release, async (c) => c.json(await releaseItem(c.var.ctx.db, c.req.valid('param').id, reviewActor(c)), 200));
  app.openapi(next, async (c) => {
    const ctx = c.var.ctx;
    const body = NextBody.parse(c.req.valid('json') ?? {});
    if (body.minScore !== undefined && body.maxScore !== undefined && body.minScore > body.maxScore) {
      throw badRequest('body minScore: must not exceed maxScore', [{ in: 'body', field: 'minScore', message: 'must not exceed maxScore' }]);
    }
    const { sort, platform, ...filters } = body;
    const platformId = await platformFilter(ctx, platform, 'body');
    const r = await claimNext(ctx.db, reviewActor(c), { ...filters, platformId }, sort, ctx.config.reviewLeaseSeconds);
    if (!r) return c.body(null, 204);
    return c.json({ ...r, leaseExpiresAt: r.leaseExpiresAt.toISOString(), item: await getReviewItem(ctx.db, r.id) }, 200);
  });
  return app;
}
