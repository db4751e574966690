/**
 * Text PostgreSQL cannot store (U+0000, lone surrogates) never poisons a batch or answers 500: a
 * bad post is listed by index and field while the rest of its batch is stored, and a NUL in any
 * query or path parameter, cookie or body field is a 400 naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger.ts';
import { postIdFor } from '../core/post-input.ts';
import { canonicalText, hashCanonical } from '../core/content-hash.ts';
import { persistSettingAside } from '../workers/ingest.ts';
import type { PostRow } from '../workers/pipeline-sql.ts';
import { makePost, startHarness, type Harness } from './harness.ts';

type ErrorBody = {
  error: { code: string; message: string; details?: { in?: string; index?: number | null; field: string; message: string }[] };
};

describe('text PostgreSQL cannot store', () => {
  let h: Harness;
  let lead: string;
  beforeAll(async () => {
    h = await startHarness({ workers: ['ingest'], api: true });
    lead = await h.key('lead');
  });
  afterAll(async () => h?.close());

  async function storedCount(ids: string[], expected: number) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const n = await h.db.prisma.post.count({ where: { id: { in: ids } } });
      if (n >= expected || Date.now() > deadline) return n;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('a post with "x\\u0000y" is listed as posts[5].text and the other five are stored', async () => {
    const good = Array.from({ length: 5 }, (_, i) => makePost(`boat to uk number ${i}`));
    const bad = makePost('x\u0000y');
    const res = await h.post('/v1/posts', { posts: [...good, bad] });
    expect(res.status).toBe(202);
    const body = (await res.json()) as {
      accepted: { index: number; id: string }[];
      errors: { index: number; field: string; message: string }[];
    };
    expect(body.accepted.map((a) => a.index)).toEqual([0, 1, 2, 3, 4]);
    expect(body.errors).toEqual([{ index: 5, field: 'text', message: expect.stringMatching(/NUL character \(U\+0000\)/) }]);
    const ids = body.accepted.map((a) => a.id);
    expect(await storedCount(ids, 5)).toBe(5);
    expect(await h.db.prisma.post.count({ where: { id: postIdFor('facebook', bad.platformPostId) } })).toBe(0);
    // The ingest job succeeded (no failed job to retry forever).
    expect(await h.rt.queues.ingest.getFailedCount()).toBe(0);
  });

  it.each([
    ['platformPostId', { platformPostId: 'a\u0000b' }],
    ['url', { url: 'https://www.facebook.com/posts/a\u0000b' }],
    ['author', { author: 'someone\u0000' }],
    ['source', { source: '\u0000partner' }],
    ['platformPostId', { platformPostId: 'a\ud800b' }],
  ])('rejects unstorable %s per record, with the batch index', async (field, over) => {
    const res = await h.post('/v1/posts', { posts: [makePost('lorry to england'), makePost('boat', over)] });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { accepted: { index: number }[]; errors: { index: number; field: string }[] };
    expect(body.accepted.map((a) => a.index)).toEqual([0]);
    expect(body.errors).toEqual([expect.objectContaining({ index: 1, field })]);
  });

  it('a single unstorable post is a 400 naming the field, as any invalid post is', async () => {
    const res = await h.post('/v1/posts', makePost('x\u0000y'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/^text must not contain a NUL character/);
  });

  it.each([
    ['/v1/audit?actor=%00', 'query actor'],
    ['/v1/review/items?category=%00', 'query category'],
    ['/v1/review/items?status=open&language=e%00n', 'query language'],
    ['/v1/stats?from=2026-01-01%00', 'query from'],
    ['/v1/networks?minPosts=2%00', 'query minPosts'],
    ['/v1/networks?a%00b=1', 'query a\\u0000b'],
    ['/healthz?x=%00', 'query x'],
    ['/v1/review/items/%00', 'path id'],
    ['/v1/networks/abc%00', 'path id'],
    ['/review?category=%00', 'query category'],
  ])('GET %s answers 400 naming %s', async (path, named) => {
    const res = await h.request('GET', path, { key: lead });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toBe(`${named}: must not contain a NUL character (U+0000, %00); PostgreSQL cannot store it`);
    expect(body.error.details?.[0]).toMatchObject({ in: named.split(' ')[0], field: named.split(' ')[1] });
  });

  it('a NUL in a cookie, a JSON body field or a form field is a 400 naming it', async () => {
    const cookie = await fetch(`${h.rt.apiUrl}/review`, { headers: { cookie: 'tw_session=abc%00' } });
    expect(cookie.status).toBe(400);
    expect(((await cookie.json()) as ErrorBody).error.message).toMatch(/^cookie tw_session: must not contain a NUL/);

    const id = '0190a8a0-0000-7000-8000-000000000000';
    const json = await h.request('POST', `/v1/review/items/${id}/decision`, {
      key: lead,
      body: { action: 'dismiss', reasonCode: 'x', note: 'a\u0000b' },
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as ErrorBody).error.message).toMatch(/^body note: must not contain a NUL/);
    const surrogate = await h.request('POST', '/v1/review/bulk-decision', {
      key: lead,
      body: '{"ids":["\\ud800"],"action":"dismiss"}',
      raw: true,
    });
    expect(surrogate.status).toBe(400);
    expect(((await surrogate.json()) as ErrorBody).error.message).toBe('body ids.0: is not valid Unicode (lone surrogate)');

    const form = await fetch(`${h.rt.apiUrl}/review/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: h.rt.apiUrl! },
      body: 'key=tw_abc%00&next=%2Freview',
    });
    expect(form.status).toBe(400);
    expect(((await form.json()) as ErrorBody).error.message).toMatch(/^form key: must not contain a NUL/);
  });

  it('the ingest worker sets aside a record the database refuses, naming it, and stores the rest', async () => {
    const platformId = (await h.rt.pipeline.platforms.idOf('facebook'))!;
    const row = (text: string): PostRow => {
      const p = makePost(text);
      return {
        id: postIdFor('facebook', p.platformPostId),
        platformId,
        platformPostId: p.platformPostId,
        url: p.url,
        authorHandle: null,
        text,
        language: null,
        postedAt: null,
        ingestedAt: new Date(),
        source: null,
        contentHash: hashCanonical(canonicalText(text)),
      };
    };
    // Past validation (as a record written to the queue by something else could be).
    const rows = [row('first of three'), row('x\u0000y'), row('third of three')];
    const lines: string[] = [];
    const log = createLogger('info', 'test', { write: (l: string) => void lines.push(l) });
    const rejected: { record: number; field: string; message: string }[] = [];
    const out = await persistSettingAside({ db: h.db, log }, { id: 'job-1' }, rows, [0, 7, 9], rejected);
    expect(out.persisted).toBe(2);
    expect(rejected).toEqual([{ record: 7, field: '(record)', message: expect.stringMatching(/database refused it: .*0x00/) }]);
    expect(await h.db.prisma.post.count({ where: { id: { in: [rows[0]!.id, rows[2]!.id] } } })).toBe(2);
    expect(lines.join('\n')).toMatch(/"record":7.*record set aside/);
  });
});
