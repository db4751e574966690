import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralKey } from '../../referrals/create-referral.ts';
import { startHarness, type Harness } from '../../test/harness.ts';
import { seedReviewItems } from '../../test/review-fixtures.ts';

type Err = { error: { code: string; message: string } };

describe('decisions', () => {
  let h: Harness;
  let alice: string;
  let bob: string;
  let lead: string;
  const idOf = (key: string) => key.split('_')[1]!;
  beforeAll(async () => {
    h = await startHarness({ api: true, workers: ['refer'] });
    [alice, bob, lead] = await Promise.all([h.key('reviewer', { name: 'alice' }), h.key('reviewer', { name: 'bob' }), h.key('lead')]);
  });
  afterAll(async () => h?.close());

  const claim = (id: string, key: string) => h.request('POST', `/v1/review/items/${id}/claim`, { key });
  const decide = (id: string, key: string, body: unknown) => h.request('POST', `/v1/review/items/${id}/decision`, { key, body });
  const until = async (fn: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await fn()); i++) await new Promise((r) => setTimeout(r, 100));
  };

  it('confirm: only the claim holder decides; the claim is released and a non-automated Referral is created', async () => {
    const [item] = await seedReviewItems(h.db, [{ platform: 'tiktok' }]);
    const body = { action: 'confirm', reasonCode: 'smuggling_offer', note: 'price list and phone number' };
    const unclaimed = await decide(item!.id, alice, body);
    expect(unclaimed.status).toBe(409);
    expect(((await unclaimed.json()) as Err).error.message).toMatch(/not claimed by you; claim it first/);

    expect((await claim(item!.id, alice)).status).toBe(200);
    const byOther = await decide(item!.id, bob, body);
    expect(byOther.status).toBe(409);
    expect(((await byOther.json()) as Err).error.message).toContain(`claimed by ${idOf(alice)}`);

    const res = await decide(item!.id, alice, body);
    expect(res.status).toBe(200);
    const result = (await res.json()) as { status: string; referQueued: boolean; decisionId: string; postId: string };
    expect(result).toMatchObject({ status: 'confirmed', referQueued: true, postId: item!.postId });
    const row = await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { id: item!.id } });
    expect(row).toMatchObject({ status: 'confirmed', claimedBy: null, leaseExpiresAt: null });
    expect(row.decidedAt).not.toBeNull();
    expect(await h.db.prisma.decision.findMany({ where: { reviewItemId: item!.id } })).toEqual([
      expect.objectContaining({
        action: 'confirm',
        actor: idOf(alice),
        reasonCode: 'smuggling_offer',
        note: 'price list and phone number',
      }),
    ]);

    await until(async () => (await h.db.prisma.referral.count({ where: { postId: item!.postId } })) > 0);
    const referral = await h.db.prisma.referral.findFirstOrThrow({ where: { postId: item!.postId } });
    expect(referral).toMatchObject({ automated: false, status: 'queued', idempotencyKey: referralKey(referral.platformId, item!.postId) });
    const events = await h.db.prisma.auditEvent.findMany({
      orderBy: { id: 'asc' },
      where: { OR: [{ subjectId: item!.id }, { subjectId: referral.id }] },
    });
    expect(events.map((e) => e.action)).toEqual(['review.claim', 'review.decision', 'referral.create']);
    expect(events[1]!.after).toMatchObject({ status: 'confirmed', decisionId: result.decisionId });
    expect(events[2]!.after).toMatchObject({ reviewItemId: item!.id, decisionId: result.decisionId, automated: false });

    // Deciding twice is refused.
    const twice = await decide(item!.id, alice, body);
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as Err).error.message).toMatch(/already decided \(confirmed\)/);
  });

  it('escalate, needs_translation and reject move the item; escalated items are for leads', async () => {
    const [a, b, c] = await seedReviewItems(h.db, [{}, {}, {}]);
    await claim(a!.id, alice);
    expect(((await (await decide(a!.id, alice, { action: 'escalate', reasonCode: 'unsure' })).json()) as { status: string }).status).toBe(
      'escalated',
    );
    expect((await claim(a!.id, alice)).status).toBe(403);
    await claim(a!.id, lead);
    expect(((await (await decide(a!.id, lead, { action: 'reject', reasonCode: 'news_report' })).json()) as { status: string }).status).toBe(
      'rejected',
    );

    await claim(b!.id, bob);
    expect(
      ((await (await decide(b!.id, bob, { action: 'needs_translation', reasonCode: 'unknown_language' })).json()) as { status: string })
        .status,
    ).toBe('needs_translation');
    await claim(b!.id, bob);
    const same = await decide(b!.id, bob, { action: 'needs_translation', reasonCode: 'unknown_language' });
    expect(same.status).toBe(409);

    // No referral for rejections.
    expect(await h.db.prisma.referral.count({ where: { postId: a!.postId } })).toBe(0);

    // An expired lease cannot decide.
    await claim(c!.id, alice);
    await h.db.prisma.reviewItem.update({ where: { id: c!.id }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });
    const expired = await decide(c!.id, alice, { action: 'reject', reasonCode: 'news_report' });
    expect(expired.status).toBe(409);
    expect(((await expired.json()) as Err).error.message).toMatch(/lease .* expired/);
  });

  it('rejects bad decision bodies with 400 naming the field', async () => {
    const [item] = await seedReviewItems(h.db, [{}]);
    await claim(item!.id, alice);
    const cases: [unknown, RegExp][] = [
      [{ action: 'delete', reasonCode: 'x_y' }, /^body action/],
      [{ action: 'confirm' }, /^body reasonCode/],
      [{ action: 'confirm', reasonCode: 'Has Spaces' }, /^body reasonCode/],
      [{ action: 'confirm', reasonCode: 'ok_code', note: 'n'.repeat(2_001) }, /^body note/],
      [{ action: 'confirm', reasonCode: 'ok_code', extra: true }, /^body/],
    ];
    for (const [body, pattern] of cases) {
      const res = await decide(item!.id, alice, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as Err).error.message).toMatch(pattern);
    }
    expect((await h.request('POST', `/v1/review/items/${item!.id}/decision`, { key: alice, body: '{"action":', raw: true })).status).toBe(
      400,
    );
    expect((await h.request('POST', `/v1/review/items/${item!.id}/decision`, { key: alice })).status).toBe(400);
    expect(await h.db.prisma.decision.count({ where: { reviewItemId: item!.id } })).toBe(0);
  });

  it('bulk decision: leads decide many items; conflicts are reported per item', async () => {
    const items = await seedReviewItems(
      h.db,
      Array.from({ length: 5 }, () => ({})),
    );
    await claim(items[0]!.id, bob); // held by someone else: refused
    const missing = '019abc12-3456-7def-8123-456789abcdef';
    const res = await h.request('POST', '/v1/review/bulk-decision', {
      key: lead,
      body: { ids: [...items.map((i) => i.id), missing], action: 'reject', reasonCode: 'spam' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      decided: number;
      failed: number;
      results: { id: string; ok: boolean; error?: { code: string } }[];
    };
    expect(body).toMatchObject({ decided: 4, failed: 2 });
    expect(body.results.find((r) => r.id === items[0]!.id)?.error?.code).toBe('conflict');
    expect(body.results.find((r) => r.id === missing)?.error?.code).toBe('not_found');
    expect(await h.db.prisma.reviewItem.count({ where: { id: { in: items.map((i) => i.id) }, status: 'rejected' } })).toBe(4);

    expect(
      (
        await h.request('POST', '/v1/review/bulk-decision', {
          key: alice,
          body: { ids: [items[0]!.id], action: 'reject', reasonCode: 'spam' },
        })
      ).status,
    ).toBe(403);
    const tooMany = await h.request('POST', '/v1/review/bulk-decision', {
      key: lead,
      body: { ids: Array.from({ length: 501 }, () => missing), action: 'reject', reasonCode: 'spam' },
    });
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as Err).error.message).toMatch(/^body ids/);
  });

  it('reverse: a lead puts a decided item back to open, with a reason', async () => {
    const [item] = await seedReviewItems(h.db, [{}]);
    const reverse = (key: string, body: unknown = { reasonCode: 'wrong_call', note: 'it is a news report' }) =>
      h.request('POST', `/v1/review/items/${item!.id}/reverse`, { key, body });
    expect((await reverse(lead)).status).toBe(409); // open: nothing to reverse
    await claim(item!.id, alice);
    await decide(item!.id, alice, { action: 'reject', reasonCode: 'news_report' });
    expect((await reverse(alice)).status).toBe(403);
    expect((await reverse(lead, {})).status).toBe(400);
    const res = await reverse(lead);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'open', previousStatus: 'rejected', referralExists: false });
    const row = await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { id: item!.id } });
    expect(row).toMatchObject({ status: 'open', decidedAt: null, claimedBy: null });
    const actions = (await h.db.prisma.decision.findMany({ where: { reviewItemId: item!.id }, orderBy: { createdAt: 'asc' } })).map(
      (d) => d.action,
    );
    expect(actions).toEqual(['reject', 'reverse']);
    // And it can be decided again.
    await claim(item!.id, bob);
    expect((await decide(item!.id, bob, { action: 'confirm', reasonCode: 'smuggling_offer' })).status).toBe(200);
  });

  // Last: the server answers before reading the whole body and drops that connection.
  it('refuses oversized review bodies with 413', async () => {
    const [item] = await seedReviewItems(h.db, [{}]);
    const huge = await decide(item!.id, alice, { action: 'confirm', reasonCode: 'ok_code', note: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as Err).error.code).toBe('payload_too_large');
  });
});
