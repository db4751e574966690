/**
 * `GET /v1/posts/{id}`: any post as it stands (outcome, duplicates, classification, review,
 * referrals), for the roles that read the queue.
 *
 * `POST /v1/posts`: flagged posts in, one or `{ "posts": [...] }` (up to 1,000). Valid posts are
 * queued for ingest and answered with their ids; invalid ones are listed with the field at fault.
 * Only enqueues: the workers persist and classify.
 *
 * The body schema is documented in /openapi.json but validated here, per record, rather than by
 * the OpenAPI validator: one bad post must not reject the whole batch. Partners (`ingest` keys),
 * platforms (`platform` keys, for their own platform only) and admins may submit.
 */
import { createRoute } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import {
  MAX_BATCH,
  MAX_TEXT_LENGTH,
  postIdFor,
  postInputSchema,
  validatePost,
  type FieldError,
  type PostInput,
} from '../../core/post-input.ts';
import { platformsNamed } from '../../core/platform-directory.ts';
import { enqueuePosts } from '../../core/jobs.ts';
import { principalOf, requireRole, ROLE_SETS, secured } from '../auth/require-role.ts';
import { ApiError, badRequest } from '../errors.ts';
import { DATETIME_PATTERN, errors as errorResponses, router, z } from '../openapi.ts';
import { readJson } from '../read-json.ts';
import { postRecord } from '../../referrals/post-record.ts';
import { PostIdParam, PostRecord } from './posts-schemas.ts';

/**
 * Re-created through the OpenAPI-aware zod so it becomes a named component, with the bounds the
 * refinements enforce stated for clients (a refinement does not show in the document). `.meta()`
 * (zod's own) rather than `.openapi()`: core/post-input.ts may come from another zod instance.
 */
const shape = postInputSchema.shape;
const PostInput = z
  .object({
    ...shape,
    platformPostId: shape.platformPostId.meta({ pattern: '\\S', description: 'Not blank; surrounding spaces are trimmed.' }),
    url: shape.url.meta({ pattern: '^[Hh][Tt][Tt][Pp][Ss]?://', description: 'An http(s) URL.' }),
    text: shape.text.meta({
      minLength: 1,
      maxLength: MAX_TEXT_LENGTH,
      pattern: '\\S',
      description: `Not blank, well-formed Unicode, at most ${MAX_TEXT_LENGTH} UTF-16 code units (a character outside the Basic Multilingual Plane, such as an emoji, counts as two).`,
    }),
    postedAt: shape.postedAt.meta({
      pattern: DATETIME_PATTERN,
      description: 'ISO 8601 with `T`, seconds and `Z` or an offset, e.g. 2026-11-01T12:00:00Z.',
    }),
  })
  .openapi('PostInput');
const Accepted = z
  .object({
    accepted: z.array(z.object({ index: z.number().int(), id: z.uuid() })),
    errors: z.array(z.object({ index: z.number().int().nullable(), field: z.string(), message: z.string() })),
  })
  .openapi('PostsAccepted');

/** `application/json` or `application/<x>+json`, with parameters: what the validator of other routes accepts. */
const JSON_MEDIA_TYPE = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

const { middleware: _enforcedBelow, ...security } = secured(...ROLE_SETS.ingest);
const route = createRoute({
  method: 'post',
  path: '/v1/posts',
  tags: ['ingest'],
  summary: 'Submit flagged posts',
  description: `One post, or \`{ "posts": [...] }\` with up to ${MAX_BATCH}. Valid posts are queued and answered with their ids; invalid ones are listed per index and field. A call with no valid post is a 400. A \`platform\` key may submit posts of its own platform only.`,
  ...security,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.union([PostInput, z.object({ posts: z.array(PostInput).min(1).max(MAX_BATCH) })]) } },
    },
  },
  responses: {
    202: { description: 'Valid posts queued; invalid ones listed', content: { 'application/json': { schema: Accepted } } },
    ...errorResponses(400, 401, 403, 413, 415, 429, 503),
  },
});

const lookup = createRoute({
  method: 'get',
  path: '/v1/posts/{id}',
  tags: ['review'],
  summary: 'One post and what became of it',
  description:
    'Any post, including exact re-uploads (`outcome: duplicate`, linked to their original) and dismissed ones: duplicate and near-duplicate links, the latest classification with its signals in words, the review item and the referrals of its content (a held referral waits for the platform’s action day).',
  ...secured(...ROLE_SETS.read),
  request: { params: PostIdParam },
  responses: {
    200: { description: 'The post', content: { 'application/json': { schema: PostRecord } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function postsRoutes() {
  const app = router();
  app.openapi(lookup, async (c) => c.json(await postRecord(c.var.ctx.db, c.req.valid('param').id), 200));
  // Documented, not validated by the OpenAPI layer (see above).
  app.openAPIRegistry.registerPath(route);

  app.post('/v1/posts', requireRole(...ROLE_SETS.ingest), async (c) => {
    const { queues, platforms } = c.var.ctx;
    const scope = principalOf(c).role === 'platform' ? principalOf(c).platform : null;
    // As every route with a JSON body (the OpenAPI validator's media-type gate): JSON only.
    if (!JSON_MEDIA_TYPE.test(c.req.header('content-type') ?? '')) throw new HTTPException(415);
    const body = await readJson(c);
    const batch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'posts' in body;
    const records: unknown[] = batch ? ((body as { posts: unknown }).posts as unknown[]) : [body];
    if (!Array.isArray(records))
      throw badRequest('"posts" must be an array', [{ record: null, field: 'posts', message: 'must be an array' }]);
    if (records.length === 0)
      throw badRequest('"posts" is empty', [{ record: null, field: 'posts', message: 'must hold at least one post' }]);
    if (records.length > MAX_BATCH) {
      throw badRequest(`"posts" holds ${records.length} posts; at most ${MAX_BATCH} per call`, [
        { record: null, field: 'posts', message: `at most ${MAX_BATCH} posts per call` },
      ]);
    }

    const names = await platforms.namesFor(platformsNamed(records));
    const valid: PostInput[] = [];
    const accepted: { index: number; id: string }[] = [];
    const errors: FieldError[] = [];
    records.forEach((raw, index) => {
      const v = validatePost(raw, index, names);
      if (v.ok && scope && v.post.platform !== scope) {
        errors.push({ record: index, field: 'platform', message: `this key may submit ${scope} posts only` });
      } else if (v.ok) {
        valid.push(v.post);
        accepted.push({ index, id: postIdFor(v.post.platform, v.post.platformPostId) });
      } else errors.push(...v.errors);
    });
    const errorList = errors.map((e) => ({ index: e.record, field: e.field, message: e.message }));
    if (!valid.length) {
      const first = errors[0]!;
      throw badRequest(
        batch
          ? `no valid post in the batch; first problem: posts[${first.record}].${first.field} ${first.message}`
          : `${first.field} ${first.message}`,
        errorList,
      );
    }
    // With Redis away, queue commands wait for the reconnect (nothing is dropped), and so would
    // this request, until the client times out not knowing what was accepted. Say so at once
    // instead; resending is safe, as post ids derive from (platform, platformPostId).
    if (c.var.ctx.redis.status !== 'ready') {
      c.header('Retry-After', '5');
      throw new ApiError(
        503,
        'queue_unavailable',
        'the ingest queue (Redis) is not reachable; no post was accepted: resend the same posts later (resending never duplicates)',
      );
    }
    await enqueuePosts(queues, valid);
    return c.json({ accepted, errors: errorList }, 202);
  });

  return app;
}
