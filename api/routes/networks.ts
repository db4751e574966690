/**
 * Networks of posts that share a phone number, messenger handle or contact link (networks/):
 * `GET /v1/networks` lists live networks largest first; `GET /v1/networks/{id}` shows one with its
 * entities and posts (an id merged into another network answers with the live one and
 * `mergedFrom`). Read-only; reviewers may read too, since a network is context for a decision.
 */
import { createRoute } from '@hono/zod-openapi';
import { getNetwork, listNetworks } from '../../networks/read.ts';
import { ROLE_SETS, secured } from '../auth/require-role.ts';
import { notFound } from '../errors.ts';
import { errors, router, z } from '../openapi.ts';

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const ListQuery = z.object({
  minSize: int(1, 1_000_000).default(2).openapi({ description: 'Smallest network listed (posts). Default 2.' }),
  limit: int(1, 200).default(50),
  cursor: z.string().max(512).optional().openapi({ description: 'The `nextCursor` of the previous page.' }),
});

const summaryShape = {
  id: z.string().uuid(),
  size: z.number().int().openapi({ description: 'Posts in the network.' }),
  entityCount: z.number().int().openapi({ description: 'Distinct phone numbers, handles and links.' }),
  platforms: z.array(z.string()),
  languages: z.array(z.string()),
  firstSeenAt: z.string().openapi({ format: 'date-time', description: 'Earliest `postedAt` (else ingest time) of its posts.' }),
  lastSeenAt: z.string().openapi({ format: 'date-time' }),
  removed: z.number().int().openapi({ description: 'Posts the platform actioned or that were found offline (and not back).' }),
  shareRemoved: z.number().openapi({ description: 'removed ÷ size.' }),
  confirmedAt: z.string().nullable().openapi({ format: 'date-time', description: 'When a reviewer first confirmed one of its posts.' }),
  vouched: z
    .number()
    .int()
    .openapi({ description: 'Posts referred or confirmed by a reviewer; above 0, its contacts raise new posts as `known_contact`.' }),
};

const NetworkSummary = z.object(summaryShape).openapi('NetworkSummary');

const NetworkDetail = z
  .object({
    ...summaryShape,
    mergedFrom: z.string().nullable().openapi({ description: 'The id asked for, when it was merged into this network.' }),
    entities: z.array(
      z.object({
        key: z
          .string()
          .openapi({ example: 'phone:+447911123456', description: '`phone:<E.164>`, `handle:@<name>` or `link:<host/path>`.' }),
        kind: z.enum(['phone', 'handle', 'link']),
        posts: z.number().int(),
        firstSeenAt: z.string().openapi({ format: 'date-time' }),
        benign: z.boolean().openapi({ description: 'Marked benign by a lead (`/v1/contacts/benign`): links no new post.' }),
      }),
    ),
    posts: z.array(
      z.object({
        id: z.string().uuid(),
        platform: z.string(),
        url: z.string(),
        text: z.string().nullable(),
        author: z.string().nullable(),
        language: z.string().nullable(),
        seenAt: z.string().openapi({ format: 'date-time' }),
        outcome: z.string(),
        reviewItemId: z.string().nullable(),
        reviewStatus: z.string().nullable(),
        removed: z.boolean(),
        entities: z.array(z.string()),
      }),
    ),
  })
  .openapi('NetworkDetail');

const list = createRoute({
  method: 'get',
  path: '/v1/networks',
  tags: ['networks'],
  summary: 'Networks by size',
  description: 'Live networks (not merged away) of at least `minSize` posts, largest first, in cursor pages.',
  ...secured(...ROLE_SETS.read),
  request: { query: ListQuery },
  responses: {
    200: {
      description: 'A page of networks',
      content: {
        'application/json': {
          schema: z.object({ networks: z.array(NetworkSummary), nextCursor: z.string().nullable() }).openapi('NetworkPage'),
        },
      },
    },
    ...errors(400, 401, 403),
  },
});

const one = createRoute({
  method: 'get',
  path: '/v1/networks/{id}',
  tags: ['networks'],
  summary: 'One network with its entities and posts',
  description: 'Posts oldest first (at most 500 shown). An id merged into another network answers with the live network and `mergedFrom`.',
  ...secured(...ROLE_SETS.read),
  request: { params: z.object({ id: z.string().uuid({ error: 'must be a UUID' }) }) },
  responses: {
    200: { description: 'The network', content: { 'application/json': { schema: NetworkDetail } } },
    ...errors(400, 401, 403, 404),
  },
});

export function networkRoutes() {
  const app = router();
  app.openapi(list, async (c) => c.json(await listNetworks(c.var.ctx.db, c.req.valid('query')), 200));
  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param');
    const network = await getNetwork(c.var.ctx.db, id);
    if (!network) throw notFound(`network ${id} not found`);
    return c.json(network, 200);
  });
  return app;
}
