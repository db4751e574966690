import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../../core/post-input.ts';
import { outstandingJobs } from '../../workers/drain.ts';
import { makePost, startHarness, type Harness } from '../../test/harness.ts';

type ErrorBody = { error: { code: string; message: string; details?: { index: number | null; field: string; message: string }[] } };

describe('POST /v1/posts input checks', () => {
  let h: Harness;
  // API only: nothing consumes the queue, so what was enqueued stays visible.
  beforeAll(async () => {
    h = await startHarness({ api: true });
  });
  afterAll(async () => h?.close());

  const waiting = () => h.rt.queues.ingest.getWaitingCount();

  async function rejected(res: Response, field: string | RegExp) {
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(field);
    return body;
  }

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['no content type', undefined],
  ])('answers 415 naming the header for %s, as every JSON route does, enqueueing nothing', async (_name, type) => {
    const key = await h.key('ingest');
    const res = await fetch(`${h.rt.apiUrl}/v1/posts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, ...(type ? { 'content-type': type } : {}) },
      body: new TextEncoder().encode(JSON.stringify(makePost('boat to uk'))),
    });
    expect(res.status).toBe(415);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('unsupported_media_type');
    expect(body.error.message).toMatch(/^header content-type: must be application\/json/);
    expect(await waiting()).toBe(0);
    // JSON with a charset parameter, or a +json type, is still JSON.
    for (const json of ['application/json; charset=utf-8', 'application/vnd.api+json']) {
      const ok = await fetch(`${h.rt.apiUrl}/v1/posts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': json },
        body: '{}',
      });
      expect(ok.status, json).toBe(400);
    }
  });

  it.each([
    ['missing text', { ...makePost('x'), text: undefined }, /^text is required/],
    ['wrongly typed text', { ...makePost('x'), text: 42 }, /^text /],
    ['whitespace-only text', makePost('   \n\t '), /^text must not be empty/],
    ['oversized text', makePost('a'.repeat(MAX_TEXT_LENGTH + 1)), /^text must be at most 20000 characters/],
    ['unknown platform', makePost('hello', { platform: 'myspace' }), /^platform unknown platform "myspace"/],
    ['bad url', makePost('hello', { url: 'ftp://example.com/1' }), /^url must be an http\(s\) URL/],
    ['bad postedAt', makePost('hello', { postedAt: 'yesterday' }), /^postedAt must be an ISO 8601/],
    ['lone surrogate', makePost('boat \ud800 uk'), /^text is not valid Unicode/],
    ['array body', [makePost('hello')], /^\(record\) must be a JSON object/],
  ])('rejects %s with 400 naming the field, enqueueing nothing', async (_name, body, field) => {
    await rejected(await h.post('/v1/posts', body), field);
    expect(await waiting()).toBe(0);
  });

  it('rejects invalid JSON and invalid UTF-8', async () => {
    await rejected(await h.post('/v1/posts', '{"platform": "x",', true), /not valid JSON/);
    const bytes = new TextEncoder().encode(JSON.stringify(makePost('boat to uk XX')));
    const broken = new Uint8Array(bytes);
    broken.set([0xc3, 0x28], bytes.indexOf(0x58)); // "XX" → an invalid two-byte sequence
    await rejected(await h.post('/v1/posts', broken, true), /not valid UTF-8/);
    await rejected(await h.post('/v1/posts', '', true), /empty/);
    expect(await waiting()).toBe(0);
  });

  it('rejects batches that are empty, too large or not arrays', async () => {
    await rejected(await h.post('/v1/posts', { posts: [] }), /empty/);
    await rejected(await h.post('/v1/posts', { posts: 'nope' }), /must be an array/);
    const many = Array.from({ length: 1_001 }, (_, i) => makePost(`post ${i}`));
    await rejected(await h.post('/v1/posts', { posts: many }), /at most 1000/);
    expect(await waiting()).toBe(0);
  });

  it('accepts the valid part of a mixed batch and lists each bad record', async () => {
    const good = [makePost('boat to uk'), makePost('lorry to england')];
    const res = await h.post('/v1/posts', { posts: [good[0], { ...makePost('x'), platform: 'myspace' }, good[1], { text: 'only text' }] });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { accepted: { index: number }[]; errors: { index: number; field: string }[] };
    expect(body.accepted.map((a) => a.index)).toEqual([0, 2]);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 1, field: 'platform' }),
        expect.objectContaining({ index: 3, field: 'platform' }),
        expect.objectContaining({ index: 3, field: 'platformPostId' }),
        expect.objectContaining({ index: 3, field: 'url' }),
      ]),
    );
    const jobs = await h.rt.queues.ingest.getWaiting();
    expect(jobs.flatMap((j) => j.data.posts.map((p) => p.platformPostId))).toEqual(good.map((g) => g.platformPostId));
    await h.rt.queues.ingest.drain();
    expect(await outstandingJobs(h.rt.queues)).toBe(0);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await h.post('/v1/posts', `{"posts":["${'a'.repeat(17 * 1024 * 1024)}"]}`, true);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.code).toBe('payload_too_large');
  });
});
