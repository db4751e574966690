/**
 * `POST /v1/posts`: flagged posts in, one or `{ "posts": [...] }` (up to 1,000). Valid posts are
 * queued for ingest and answered with their ids; invalid ones are listed with the field at fault.
 * Only enqueues: the workers persist and classify.
 */
import { Hono } from 'hono';
import { MAX_BATCH, postIdFor, validatePost, type FieldError, type PostInput } from '../../core/post-input.ts';
import { enqueuePosts } from '../../workers/enqueue-posts.ts';
import type { ApiEnv } from '../context.ts';
import { badRequest } from '../errors.ts';
import { readJson } from '../read-json.ts';

export function postsRoutes() {
  const app = new Hono<ApiEnv>();

  app.post('/v1/posts', async (c) => {
    const { queues, platforms } = c.var.ctx;
    const body = await readJson(c);
    const batch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'posts' in body;
    const records: unknown[] = batch ? (body as { posts: unknown }).posts as unknown[] : [body];
    if (!Array.isArray(records)) throw badRequest('"posts" must be an array', [{ record: null, field: 'posts', message: 'must be an array' }]);
    if (records.length === 0) throw badRequest('"posts" is empty', [{ record: null, field: 'posts', message: 'must hold at least one post' }]);
    if (records.length > MAX_BATCH) {
      throw badRequest(`"posts" holds ${records.length} posts; at most ${MAX_BATCH} per call`, [
        { record: null, field: 'posts', message: `at most ${MAX_BATCH} posts per call` },
      ]);
    }

    const names = await platforms.names();
    const valid: PostInput[] = [];
    const accepted: { index: number; id: string }[] = [];
    const errors: FieldError[] = [];
    records.forEach((raw, index) => {
      const v = validatePost(raw, index, names);
      if (v.ok) {
        valid.push(v.post);
        accepted.push({ index, id: postIdFor(v.post.platform, v.post.platformPostId) });
      } else errors.push(...v.errors);
    });
    const errorList = errors.map((e) => ({ index: e.record, field: e.field, message: e.message }));
    if (!valid.length) {
      const first = errors[0]!;
      throw badRequest(
        batch ? `no valid post in the batch; first problem: posts[${first.record}].${first.field} ${first.message}` : `${first.field} ${first.message}`,
        errorList,
      );
    }
    await enqueuePosts(queues, valid);
    return c.json({ accepted, errors: errorList }, 202);
  });

  return app;
}
