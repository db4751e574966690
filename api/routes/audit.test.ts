import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey } from '../auth/keys.ts';
import { startHarness, type Harness } from '../../test/harness.ts';
import { seedReviewItems } from '../../test/review-fixtures.ts';
import type { AuditView } from '../../core/audit.ts';

type Page = { events: AuditView[]; nextCursor: string | null };

describe('GET /v1/audit', () => {
  let h: Harness;
  let lead: string;
  let reviewer: string;
  let itemId: string;
  beforeAll(async () => {
    h = await startHarness({ api: true });
    lead = await h.key('lead');
    reviewer = await h.key('reviewer');
    const doomed = await h.key('analyst', { name: 'temp' });
    await revokeApiKey(h.db, doomed.split('_')[1]!, 'cli:tester');
    itemId = (await seedReviewItems(h.db, [{}]))[0]!.id;
    await h.request('POST', `/v1/review/items/${itemId}/claim`, { key: reviewer });
    await h.request('POST', `/v1/review/items/${itemId}/release`, { key: reviewer });
  });
  afterAll(async () => h?.close());

  const get = async (q = '') => {
    const res = await h.request('GET', `/v1/audit${q}`, { key: lead });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  };

  it('lists key changes and claims, newest first, with before/after', async () => {
    const page = await get();
    expect(page.events.map((e) => e.action)).toEqual([
      'review.release',
      'review.claim',
      'key.revoke',
      'key.create',
      'key.create',
      'key.create',
    ]);
    const revoke = page.events[2]!;
    expect(revoke).toMatchObject({ actor: 'cli:tester', subjectType: 'api_key', before: { revokedAt: null } });
    expect(JSON.stringify(page.events)).not.toMatch(/secretHash|tw_[a-z0-9]{8}_/);
  });

  it('filters by actor, action, subject and time', async () => {
    const reviewerId = reviewer.split('_')[1]!;
    expect((await get(`?actor=${reviewerId}`)).events.map((e) => e.action)).toEqual(['review.release', 'review.claim']);
    expect((await get('?action=key.create')).events).toHaveLength(3);
    expect((await get(`?subjectType=review_item&subjectId=${itemId}`)).events).toHaveLength(2);
    expect((await get('?since=2999-01-01T00:00:00Z')).events).toHaveLength(0);
    expect((await get('?until=2000-01-01T00:00:00Z')).events).toHaveLength(0);
  });

  it('pages with a cursor', async () => {
    const all = (await get()).events.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await get(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it.each([
    ['?cursor=%%%', /cursor/],
    [`?cursor=${Buffer.from(JSON.stringify({ s: 'priority', v: 1, id: '5' })).toString('base64url')}`, /cursor/],
    [`?cursor=${Buffer.from(JSON.stringify({ s: 'audit', v: 0, id: 'abc' })).toString('base64url')}`, /cursor/],
    ['?since=yesterday', /since/],
    ['?since=2026-12-01T00:00:00Z&until=2026-11-01T00:00:00Z', /since/],
    ['?subjectType=planet', /subjectType/],
    ['?limit=-1', /limit/],
  ])('rejects %s with 400', async (q, pattern) => {
    const res = await h.request('GET', `/v1/audit${q}`, { key: lead });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(pattern);
  });

  it('the trail cannot be changed, even through the database client', async () => {
    await expect(h.db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
