import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/harness.ts';
import { seedReviewItems } from '../../test/review-fixtures.ts';

type Claim = { id: string; holder: string; leaseExpiresAt: string; renewed: boolean; item: { claim: { holder: string } | null } };
type Err = { error: { code: string; message: string; details?: { holder?: string } } };

describe('claims', () => {
  let h: Harness;
  let alice: string;
  let bob: string;
  let aliceId: string;
  let bobId: string;
  beforeAll(async () => {
    h = await startHarness({ api: true }, { REVIEW_LEASE_SECONDS: '120' });
    alice = await h.key('reviewer', { name: 'alice' });
    bob = await h.key('reviewer', { name: 'bob' });
    aliceId = alice.split('_')[1]!;
    bobId = bob.split('_')[1]!;
  });
  afterAll(async () => h?.close());

  const claim = (id: string, key: string) => h.request('POST', `/v1/review/items/${id}/claim`, { key });
  const release = (id: string, key: string) => h.request('POST', `/v1/review/items/${id}/release`, { key });

  it('gives one reviewer a lease, refuses a second reviewer naming the holder, and renews for the holder', async () => {
    const [item] = await seedReviewItems(h.db, [{}]);
    const first = await claim(item!.id, alice);
    expect(first.status).toBe(200);
    const c1 = (await first.json()) as Claim;
    expect(c1).toMatchObject({ id: item!.id, holder: aliceId, renewed: false });
    expect(c1.item.claim?.holder).toBe(aliceId);
    const lease = Date.parse(c1.leaseExpiresAt) - Date.now();
    expect(lease).toBeGreaterThan(100_000);
    expect(lease).toBeLessThanOrEqual(125_000);

    const other = await claim(item!.id, bob);
    expect(other.status).toBe(409);
    const err = (await other.json()) as Err;
    expect(err.error.code).toBe('conflict');
    expect(err.error.message).toContain(`claimed by ${aliceId}`);
    expect(err.error.details?.holder).toBe(aliceId);

    const again = (await (await claim(item!.id, alice)).json()) as Claim;
    expect(again.renewed).toBe(true);
    expect(Date.parse(again.leaseExpiresAt)).toBeGreaterThanOrEqual(Date.parse(c1.leaseExpiresAt));

    // Only the holder releases; then anyone may claim.
    expect((await release(item!.id, bob)).status).toBe(409);
    const rel = await release(item!.id, alice);
    expect(await rel.json()).toEqual({ id: item!.id, released: true });
    expect(((await (await release(item!.id, alice)).json()) as { released: boolean }).released).toBe(false);
    expect((await claim(item!.id, bob)).status).toBe(200);

    const events = await h.db.prisma.auditEvent.findMany({ where: { subjectId: item!.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ['review.claim', aliceId],
      ['review.renew', aliceId],
      ['review.release', aliceId],
      ['review.claim', bobId],
    ]);
  });

  it('frees an item whose lease expired', async () => {
    const [item] = await seedReviewItems(h.db, [{}]);
    expect((await claim(item!.id, alice)).status).toBe(200);
    await h.db.prisma.reviewItem.update({ where: { id: item!.id }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });
    const got = (await h.request('GET', `/v1/review/items/${item!.id}`, { key: bob }).then((r) => r.json())) as { claim: unknown };
    expect(got.claim).toBeNull();
    const res = await claim(item!.id, bob);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Claim).holder).toBe(bobId);
  });

  it('refuses to claim decided items (409), escalated ones for reviewers (403), unknown ones (404)', async () => {
    const [done, esc] = await seedReviewItems(h.db, [{ status: 'confirmed' }, { status: 'escalated' }]);
    const r1 = await claim(done!.id, alice);
    expect(r1.status).toBe(409);
    expect(((await r1.json()) as Err).error.message).toMatch(/already decided/);
    expect((await claim(esc!.id, alice)).status).toBe(403);
    expect((await claim(esc!.id, await h.key('lead'))).status).toBe(200);
    expect((await claim('019abc12-3456-7def-8123-456789abcdef', alice)).status).toBe(404);
  });

  it('next: claims the most urgent unclaimed item matching the filters, 204 when none is left', async () => {
    const [low, high, fr] = await seedReviewItems(h.db, [
      { priority: 100, category: 'next-test' },
      { priority: 200, category: 'next-test' },
      { priority: 300, category: 'next-test', language: 'fr' },
    ]);
    const next = (key: string, body: unknown) => h.request('POST', '/v1/review/next', { key, body });
    const a = (await (await next(alice, { category: 'next-test', language: 'en' })).json()) as Claim;
    expect(a.id).toBe(high!.id);
    const b = (await (await next(bob, { category: 'next-test', language: 'en' })).json()) as Claim;
    expect(b.id).toBe(low!.id);
    expect((await next(bob, { category: 'next-test', language: 'en' })).status).toBe(204);
    const c = (await (await next(bob, { category: 'next-test', sort: 'oldest' })).json()) as Claim;
    expect(c.id).toBe(fr!.id);
    // Bad filters name the problem.
    const bad = await next(bob, { minScore: 3 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Err).error.message).toMatch(/^body minScore/);
    expect((await next(bob, { platform: 'myspace' })).status).toBe(400);
    expect((await next(bob, { status: 'escalated' })).status).toBe(403);
    expect((await next(bob, { unknownField: 1 })).status).toBe(400);
    expect((await h.request('POST', '/v1/review/next', { key: bob, body: '{nope', raw: true })).status).toBe(400);
  });

  it('next: 50 concurrent calls from 50 reviewers claim 50 distinct items', async () => {
    await seedReviewItems(
      h.db,
      Array.from({ length: 60 }, (_, i) => ({ priority: 1_000 + i, category: 'race' })),
    );
    const keys = await Promise.all(Array.from({ length: 50 }, (_, i) => h.key('reviewer', { name: `r${i}` })));
    const results = await Promise.all(keys.map((key) => h.request('POST', '/v1/review/next', { key, body: { category: 'race' } })));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const claims = (await Promise.all(results.map((r) => r.json()))) as Claim[];
    expect(new Set(claims.map((c) => c.id)).size).toBe(50);
    expect(new Set(claims.map((c) => c.holder)).size).toBe(50);
    const held = await h.db.prisma.reviewItem.count({ where: { category: 'race', claimedBy: { not: null } } });
    expect(held).toBe(50);
    // The 50 most urgent went first.
    const unclaimed = await h.db.prisma.reviewItem.findMany({ where: { category: 'race', claimedBy: null }, select: { priority: true } });
    expect(Math.max(...unclaimed.map((u) => u.priority))).toBeLessThan(1_010);
  });
});
