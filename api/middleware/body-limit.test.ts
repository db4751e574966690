import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { checkedApp } from '../../test/openapi-contract.ts';
import { createLogger } from '../../core/logger.ts';
import { MAX_TEXT_LENGTH } from '../../core/post-input.ts';
import { MAX_TEXT_CHARS } from '../../detector/errors.ts';
import { upsertPlatform } from '../../referrals/platforms.ts';
import { generateSigningSecret } from '../../referrals/secrets.ts';
import { makePost, startHarness, type Harness } from '../../test/harness.ts';
import { seedSentReferrals, signedReport } from '../../test/platform-fixtures.ts';
import { seedReviewItems } from '../../test/review-fixtures.ts';
import { DEFAULT_MAX_BODY_BYTES, PLATFORM_MAX_BODY_BYTES, REVIEW_MAX_BODY_BYTES } from './body-limit.ts';

type ErrorBody = { error: { code: string; message: string; details?: { limitBytes: number } } };

describe('request body limits', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  const INGEST_LIMIT = 64 * 1024;
  beforeAll(async () => {
    h = await startHarness({ api: false }, { API_INGEST_MAX_BODY_BYTES: String(INGEST_LIMIT), RATE_LIMIT: 'off' });
    app = checkedApp(createApp({ ...h.rt.pipeline, redis: h.rt.redis, log: createLogger('silent') }));
  });
  afterAll(async () => h?.close());

  const post = (path: string, body: string | ReadableStream<Uint8Array>, key: string | undefined, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  const tooLarge = async (res: Response, limit: number, what: RegExp) => {
    expect(res.status).toBe(413);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toContain(`(${limit} bytes)`);
    expect(body.error.message).toMatch(what);
    expect(body.error.details?.limitBytes).toBe(limit);
  };
  /** A body streamed in chunks with no Content-Length, as a client that lies or streams would send it. */
  const stream = (bytes: number) => {
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (sent >= bytes) return ctl.close();
        const n = Math.min(16 * 1024, bytes - sent);
        sent += n;
        ctl.enqueue(new Uint8Array(n).fill(0x20));
      },
    });
  };

  it('ingest: refuses a body over API_INGEST_MAX_BODY_BYTES, with or without Content-Length, and queues nothing', async () => {
    const key = await h.key('ingest');
    const posts = Array.from({ length: 20 }, () => makePost('x'.repeat(4_000)));
    const raw = JSON.stringify({ posts });
    expect(raw.length).toBeGreaterThan(INGEST_LIMIT);
    await tooLarge(await post('/v1/posts', raw, key), INGEST_LIMIT, /64 KiB .*POST \/v1\/posts \(API_INGEST_MAX_BODY_BYTES\)/);
    await tooLarge(await post('/v1/posts', stream(INGEST_LIMIT + 1), key), INGEST_LIMIT, /API_INGEST_MAX_BODY_BYTES/);
    expect(await h.rt.queues.ingest.count()).toBe(0);
    // Just under the limit is fine.
    expect((await post('/v1/posts', JSON.stringify({ posts: posts.slice(0, 10) }), key)).status).toBe(202);
  });

  it('ingest: the per-post text limit is the detector’s, a 400 naming the field; the rest of the batch goes through', async () => {
    expect(MAX_TEXT_LENGTH).toBe(MAX_TEXT_CHARS);
    const key = await h.key('ingest');
    const res = await post(
      '/v1/posts',
      JSON.stringify({ posts: [makePost('a'.repeat(MAX_TEXT_CHARS + 1)), makePost('b'.repeat(MAX_TEXT_CHARS))] }),
      key,
    );
    expect(res.status).toBe(202);
    const body = (await res.json()) as { accepted: { index: number }[]; errors: { index: number; field: string; message: string }[] };
    expect(body.accepted.map((a) => a.index)).toEqual([1]);
    expect(body.errors).toEqual([{ index: 0, field: 'text', message: `must be at most ${MAX_TEXT_CHARS} characters` }]);
  });

  it('review routes: refuse a body over 256 KiB', async () => {
    const [item] = await seedReviewItems(h.db, [{}]);
    const key = await h.key('reviewer');
    const raw = JSON.stringify({ action: 'confirm', reasonCode: 'smuggling_offer', note: 'n'.repeat(REVIEW_MAX_BODY_BYTES) });
    await tooLarge(await post(`/v1/review/items/${item!.id}/decision`, raw, key), REVIEW_MAX_BODY_BYTES, /256 KiB .*\/v1\/review routes/);
    await tooLarge(await post('/v1/review/next', stream(REVIEW_MAX_BODY_BYTES + 10), key), REVIEW_MAX_BODY_BYTES, /\/v1\/review routes/);
    expect((await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { id: item!.id } })).status).toBe('open');
  });

  it('platform callbacks: refuse a body over 64 KiB before checking the signature', async () => {
    const secret = generateSigningSecret();
    await upsertPlatform(h.db, 'tiktok', { signingSecret: secret }, undefined, false);
    const [id] = await seedSentReferrals(h.db, 'tiktok');
    const key = await h.key('platform', { platform: 'tiktok' });
    const raw = JSON.stringify({ referralId: id, status: 'declined', reason: 'r'.repeat(PLATFORM_MAX_BODY_BYTES) });
    await tooLarge(
      await post(`/v1/platform/referrals/${id}/status`, raw, key, signedReport(secret, raw)),
      PLATFORM_MAX_BODY_BYTES,
      /64 KiB .*platform reports/,
    );
    expect((await h.db.prisma.referral.findUniqueOrThrow({ where: { id: id! } })).status).toBe('sent');
  });

  it('every other route that takes a body (review page forms) is held to 1 MiB', async () => {
    const form = `key=${'k'.repeat(DEFAULT_MAX_BODY_BYTES)}`;
    const res = await post('/review/sign-in', form, undefined, {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost',
    });
    await tooLarge(res, DEFAULT_MAX_BODY_BYTES, /1 MiB/);
  });
});
