import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/harness.ts';
import { seedReviewItems } from '../../test/review-fixtures.ts';

type List = {
  items: {
    id: string;
    score: number;
    priority: number;
    platform: string;
    language: string;
    claim: unknown;
    duplicates: number;
    post: { text: string; url: string; author: string | null; postedAt: string | null };
    classification: { signals: { start: number; end: number; value: string }[] } | null;
  }[];
  nextCursor: string | null;
  counts: Record<string, number>;
};
type Err = { error: { code: string; message: string; details?: unknown } };

describe('GET /v1/review/items', () => {
  let h: Harness;
  let key: string;
  let ids: { id: string; postId: string }[];
  beforeAll(async () => {
    h = await startHarness({ api: true });
    key = await h.key('analyst');
    ids = await seedReviewItems(h.db, [
      { score: 0.9, priority: 5, platform: 'tiktok', language: 'fr', referralCandidate: true },
      { score: 0.5, priority: 3, createdAt: new Date('2026-11-01T00:00:00Z') },
      { score: 0.7, priority: 4, category: 'lorry' },
      { score: 0.6, priority: 1, status: 'escalated' },
      { score: 0.4, priority: 2, status: 'confirmed' },
    ]);
  });
  afterAll(async () => h?.close());

  const get = async (query: string) => h.request('GET', `/v1/review/items${query}`, { key });

  it('lists open items by priority with post, classification and counts per status', async () => {
    const res = await get('');
    expect(res.status).toBe(200);
    const body = (await res.json()) as List;
    expect(body.items.map((i) => i.id)).toEqual([ids[0]!.id, ids[2]!.id, ids[1]!.id]);
    expect(body.counts).toEqual({ open: 3, escalated: 1, needs_translation: 0, confirmed: 1, rejected: 0 });
    const first = body.items[0]!;
    expect(first).toMatchObject({ platform: 'tiktok', language: 'fr', claim: null, duplicates: 0 });
    expect(first.post).toMatchObject({ author: 'seeder', postedAt: '2026-11-20T10:00:00.000Z' });
    expect(first.classification?.signals[0]).toMatchObject({ value: 'Boat', start: 0, end: 4 });
    expect(body.nextCursor).toBeNull();
  });

  it('filters by platform, language, category, score range, referral candidacy and status', async () => {
    const idsOf = async (q: string) => ((await (await get(q)).json()) as List).items.map((i) => i.id);
    expect(await idsOf('?platform=tiktok')).toEqual([ids[0]!.id]);
    expect(await idsOf('?language=fr')).toEqual([ids[0]!.id]);
    expect(await idsOf('?category=lorry')).toEqual([ids[2]!.id]);
    expect(await idsOf('?minScore=0.55&maxScore=0.8')).toEqual([ids[2]!.id]);
    expect(await idsOf('?referralCandidate=true')).toEqual([ids[0]!.id]);
    expect(await idsOf('?referralCandidate=false')).toEqual([ids[2]!.id, ids[1]!.id]);
    expect(await idsOf('?status=escalated')).toEqual([ids[3]!.id]);
  });

  it('sorts oldest first and pages with an opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`?sort=oldest&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as List;
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen[0]).toBe(ids[1]!.id); // created earliest
    expect(new Set(seen)).toEqual(new Set([ids[0]!.id, ids[1]!.id, ids[2]!.id]));
    // Priority pages too.
    const p1 = (await (await get('?limit=2')).json()) as List;
    const p2 = (await (await get(`?limit=2&cursor=${p1.nextCursor}`)).json()) as List;
    expect([...p1.items, ...p2.items].map((i) => i.id)).toEqual([ids[0]!.id, ids[2]!.id, ids[1]!.id]);
    expect(p2.nextCursor).toBeNull();
  });

  it.each([
    ['?cursor=not-a-cursor!', /cursor/],
    [`?cursor=${Buffer.from('{"x":1}').toString('base64url')}`, /cursor/],
    [`?sort=oldest&cursor=${Buffer.from(JSON.stringify({ s: 'priority', v: 1, id: 'x' })).toString('base64url')}`, /cursor.*sort=priority/],
    [`?cursor=${Buffer.from(JSON.stringify({ s: 'priority', v: 1, id: 'x' })).toString('base64url')}`, /cursor/],
    [
      `?sort=oldest&cursor=${Buffer.from(JSON.stringify({ s: 'oldest', v: 'soon', id: '019abc12-3456-7def-8123-456789abcdef' })).toString('base64url')}`,
      /cursor/,
    ],
    ['?minScore=2', /minScore/],
    ['?minScore=abc', /minScore/],
    ['?minScore=0.9&maxScore=0.1', /minScore/],
    ['?status=bogus', /status/],
    ['?sort=random', /sort/],
    ['?limit=0', /limit/],
    ['?limit=1000', /limit/],
    ['?referralCandidate=yes', /referralCandidate/],
    ['?platform=myspace', /platform/],
    ['?language=!!', /language/],
  ])('rejects %s with 400 naming the parameter', async (query, pattern) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as Err;
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(pattern);
  });

  it('returns one item, 404 for an unknown id and 400 for a malformed one', async () => {
    // A lexicon cue's English gloss comes back with its signal; an entity has none.
    const signals = [
      { type: 'concept:transport', value: 'Boat', start: 0, end: 4, gloss: 'boat' },
      { type: 'destination', value: 'UK', start: 8, end: 10 },
    ];
    await h.db.prisma.classification.updateMany({ where: { postId: ids[1]!.postId }, data: { signals } });
    const res = await h.request('GET', `/v1/review/items/${ids[1]!.id}`, { key });
    expect(res.status).toBe(200);
    const item = (await res.json()) as List['items'][number] & { id: string };
    expect(item.id).toBe(ids[1]!.id);
    expect(item.classification?.signals).toEqual(signals);
    const missing = await h.request('GET', '/v1/review/items/019abc12-3456-7def-8123-456789abcdef', { key });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Err).error.code).toBe('not_found');
    const bad = await h.request('GET', '/v1/review/items/42', { key });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Err).error.message).toMatch(/^path id/);
  });
});
