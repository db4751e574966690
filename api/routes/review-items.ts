/**
 * Reading the review queue: `GET /v1/review/items` (filters, priority or oldest-first order,
 * cursor pages, counts per status) and `GET /v1/review/items/{id}`. Analysts may read; nothing
 * here changes state.
 */
import { createRoute } from '@hono/zod-openapi';
import { getReviewItem, listReviewItems } from '../../review/review-list.ts';
import { ROLE_SETS, secured } from '../auth/require-role.ts';
import type { ApiContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import { errors, router } from '../openapi.ts';
import { ItemIdParam, ItemList, ListQuery, ReviewItem } from './review-schemas.ts';

/** Platform name → id for filters; an unknown name is the client's mistake. */
export async function platformFilter(ctx: ApiContext, name: string | undefined, where: string): Promise<number | undefined> {
  if (name === undefined) return undefined;
  const id = await ctx.platforms.idOf(name);
  if (id === undefined)
    throw badRequest(`${where} platform: unknown platform "${name}"`, [{ in: where, field: 'platform', message: 'unknown platform' }]);
  return id;
}

const list = createRoute({
  method: 'get',
  path: '/v1/review/items',
  tags: ['review'],
  summary: 'List review items',
  description: 'Filtered queue, most urgent (or oldest) first, in cursor pages, with per-status counts under the same filters.',
  ...secured(...ROLE_SETS.read),
  request: { query: ListQuery },
  responses: {
    200: { description: 'A page of items', content: { 'application/json': { schema: ItemList } } },
    ...errors(400, 401, 403),
  },
});

const one = createRoute({
  method: 'get',
  path: '/v1/review/items/{id}',
  tags: ['review'],
  summary: 'One review item',
  ...secured(...ROLE_SETS.read),
  request: { params: ItemIdParam },
  responses: {
    200: { description: 'The item', content: { 'application/json': { schema: ReviewItem } } },
    ...errors(400, 401, 403, 404),
  },
});

export function reviewItemsRoutes() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const ctx = c.var.ctx;
    const platformId = await platformFilter(ctx, q.platform, 'query');
    const res = await listReviewItems(ctx.db, { ...q, platformId }, ctx.config.reviewCountsCacheMs);
    return c.json(res, 200);
  });
  app.openapi(one, async (c) => c.json(await getReviewItem(c.var.ctx.db, c.req.valid('param').id), 200));
  return app;
}
