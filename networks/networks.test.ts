/**
 * Networks and near-duplicates end to end: posts go through the real pipeline (ingest → detector →
 * classify), and the figures below are exact for this seeded history.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../core/chromium.ts';
import { postIdFor } from '../core/post-input.ts';
import { makePost, startHarness, type Harness } from '../test/harness.ts';
import type { NetworkDetail, NetworkSummary } from './read.ts';
import { NETWORK_CONFIRM_BOOST } from './priority.ts';

const PHONE = '+447911123456';
type Json = { networks: NetworkSummary[] } & NetworkDetail & { error: { message: string } } & Record<string, any>;
const json = async (r: Response | Promise<Response>) => (await (await r).json()) as Json;
const at = (d: string) => `2026-11-0${d}T10:00:00Z`;
const post = (platform: string, text: string, day: string, lang = 'en') =>
  makePost(text, { platform, lang, postedAt: at(day), url: `https://${platform}.example/p/${day}${platform}` });

// Network A: one phone written three ways. Network B: one Telegram handle written two ways.
const a1 = post('facebook', 'Boat to UK this week 🚤 100% guaranteed, 1500€ per person, kids half price. WhatsApp +44 7911 123456', '1');
const a2 = post('tiktok', 'Small boat from Calais to Dover tonight, safe crossing, 1200 euro per person, message wa.me/447911123456', '3');
const a3 = post(
  'instagram',
  'Bateau pour l’Angleterre depuis Calais, 1300€ par personne, passage garanti, WhatsApp 0044 7911 123456',
  '5',
  'fr',
);
const b1 = post('telegram', 'Lorry to London with a hidden place, 2500 pounds, pay on arrival, write on Telegram t.me/dover_trips', '2');
const b2 = post('x', 'Truck crossing to the UK every night from Belgium, 2000€, message me on telegram @Dover_Trips', '4');
// Posted later, names both: A and B must merge.
const bridge = post(
  'facebook',
  'New boats to England every week, 1400€, guaranteed, contact WhatsApp +44 7911 123456 or telegram @dover_trips',
  '6',
);
// Network C: a WhatsApp group invite link.
const c1 = post(
  'youtube',
  'Boat to Italy from Libya, 3000€ guaranteed arrival, join our group https://chat.whatsapp.com/GroupInvite1 for the next trip',
  '2',
);
const c2 = post('facebook', 'Lorry to Germany from Greece, 2500 euro, safe and guaranteed, join chat.whatsapp.com/GroupInvite1 now', '3');

describe('networks and near-duplicates', () => {
  let h: Harness;
  let analyst: string;
  let reviewer: string;
  const itemOf = async (p: { platform: string; platformPostId: string }) =>
    h.db.prisma.reviewItem.findUniqueOrThrow({ where: { postId: postIdFor(p.platform, p.platformPostId) } });
  const memberOf = async (p: { platform: string; platformPostId: string }) =>
    (await h.db.prisma.networkMember.findUniqueOrThrow({ where: { postId: postIdFor(p.platform, p.platformPostId) } })).networkId;

  beforeAll(async () => {
    // Thresholds that send every post to review: a referral candidate can then only come from
    // the near-duplicate rule, not from its score.
    h = await startHarness(
      { workers: ['ingest', 'classify', 'refer'], api: true },
      { REFER_THRESHOLD: '0.99999', REVIEW_THRESHOLD: '0.01' },
    );
    analyst = await h.key('analyst');
    reviewer = await h.key('reviewer', { name: 'Rui' });
    expect((await h.post('/v1/posts', { posts: [a1, a2, a3, b1, b2, c1, c2] })).status).toBe(202);
    await h.drain();
  });
  afterAll(async () => h?.close());

  it('routes every seeded advert to review, so all of them can join networks', async () => {
    const outcomes = await h.db.prisma.post.groupBy({ by: ['outcome'], _count: { _all: true } });
    expect(outcomes.map((o) => [o.outcome, o._count._all])).toEqual([['review', 7]]);
  });

  it('forms one network per contact point before the bridge', async () => {
    const A = await memberOf(a1);
    expect([await memberOf(a2), await memberOf(a3)]).toEqual([A, A]);
    const B = await memberOf(b1);
    expect(await memberOf(b2)).toBe(B);
    expect(B).not.toBe(A);
    const res = await h.request('GET', '/v1/networks', { key: analyst });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.networks.map((n: { size: number }) => n.size)).toEqual([3, 2, 2]);
  });

  it('merges two networks when a post names both, into the older one', async () => {
    const A = await memberOf(a1);
    const B = await memberOf(b1);
    const [winner, loser] = [A, B].sort();
    expect((await h.post('/v1/posts', { posts: [bridge] })).status).toBe(202);
    await h.drain();
    for (const p of [a1, a2, a3, b1, b2, bridge]) expect(await memberOf(p)).toBe(winner);
    expect((await h.db.prisma.network.findUniqueOrThrow({ where: { id: loser! } })).mergedIntoId).toBe(winner);

    const { networks } = await json(h.request('GET', '/v1/networks', { key: analyst }));
    expect(networks).toHaveLength(2);
    expect(networks[0]).toEqual({
      id: winner,
      size: 6,
      entityCount: 2,
      platforms: ['facebook', 'instagram', 'telegram', 'tiktok', 'x'],
      languages: ['en', 'fr'],
      firstSeenAt: at('1').replace('Z', '.000Z'),
      lastSeenAt: at('6').replace('Z', '.000Z'),
      removed: 0,
      shareRemoved: 0,
      confirmedAt: null,
      vouched: 0,
    });
    expect(networks[1]).toMatchObject({ size: 2, entityCount: 1, platforms: ['facebook', 'youtube'], languages: ['en'] });

    // The merged-away id answers with the live network.
    const detail = await json(h.request('GET', `/v1/networks/${loser}`, { key: reviewer }));
    expect(detail.id).toBe(winner);
    expect(detail.mergedFrom).toBe(loser);
    expect(detail.entities).toEqual([
      { key: `phone:${PHONE}`, kind: 'phone', posts: 4, firstSeenAt: at('1').replace('Z', '.000Z'), benign: false },
      { key: 'handle:@dover_trips', kind: 'handle', posts: 3, firstSeenAt: at('2').replace('Z', '.000Z'), benign: false },
    ]);
    expect(detail.posts.map((p: { id: string }) => p.id)).toEqual(
      [a1, b1, a2, b2, a3, bridge].map((p) => postIdFor(p.platform, p.platformPostId)),
    );
    expect(detail.posts.at(-1)!.entities).toEqual(['handle:@dover_trips', `phone:${PHONE}`]);
  });

  it('counts posts already removed', async () => {
    const a1Id = postIdFor(a1.platform, a1.platformPostId);
    const platformId = (await h.db.prisma.post.findUniqueOrThrow({ where: { id: a1Id } })).platformId;
    await h.db.prisma.referral.create({ data: { postId: a1Id, platformId, status: 'actioned', idempotencyKey: `test:${a1Id}` } });
    const b2Id = postIdFor(b2.platform, b2.platformPostId);
    const xId = (await h.db.prisma.post.findUniqueOrThrow({ where: { id: b2Id } })).platformId;
    // Found offline once, but a later check saw it back: not removed.
    await h.db.prisma.referral.create({
      data: { postId: b2Id, platformId: xId, status: 'reappeared', offlineAt: new Date(), idempotencyKey: `test:${b2Id}` },
    });
    const { networks } = await json(h.request('GET', '/v1/networks', { key: analyst }));
    expect(networks[0]).toMatchObject({ size: 6, removed: 1, shareRemoved: 1 / 6 });
  });

  it('refuses bad parameters and unknown networks, naming the field', async () => {
    const bad = await h.request('GET', '/v1/networks?limit=0', { key: analyst });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.message).toContain('limit');
    expect((await h.request('GET', '/v1/networks/not-a-uuid', { key: analyst })).status).toBe(400);
    expect((await h.request('GET', '/v1/networks/0190d5a4-0000-7000-8000-000000000000', { key: analyst })).status).toBe(404);
    expect((await h.request('GET', '/v1/networks', { key: await h.key('ingest') })).status).toBe(403);
  });

  it('raises the open items of the network when one of its posts is confirmed, once', async () => {
    const before = new Map<string, number>();
    for (const p of [a2, a3, b1, b2, bridge, c1, c2]) before.set(p.platformPostId, (await itemOf(p)).priority);
    const item = await itemOf(a1);
    expect((await h.request('POST', `/v1/review/items/${item.id}/claim`, { key: reviewer })).status).toBe(200);
    const res = await h.request('POST', `/v1/review/items/${item.id}/decision`, {
      key: reviewer,
      body: { action: 'confirm', reasonCode: 'smuggling_offer' },
    });
    expect(res.status).toBe(200);
    for (const p of [a2, a3, b1, b2, bridge]) {
      const after = await itemOf(p);
      expect(after.priority).toBeCloseTo(before.get(p.platformPostId)! + NETWORK_CONFIRM_BOOST, 9);
      expect(after.networkBoost).toBe(NETWORK_CONFIRM_BOOST);
    }
    for (const p of [c1, c2]) expect((await itemOf(p)).priority).toBe(before.get(p.platformPostId));
    expect((await itemOf(a1)).networkBoost).toBe(0);

    // A second confirmation in the same network raises nothing again.
    const a2Item = await itemOf(a2);
    await h.request('POST', `/v1/review/items/${a2Item.id}/claim`, { key: reviewer });
    expect(
      (
        await h.request('POST', `/v1/review/items/${a2Item.id}/decision`, {
          key: reviewer,
          body: { action: 'confirm', reasonCode: 'smuggling_offer' },
        })
      ).status,
    ).toBe(200);
    expect((await itemOf(a3)).priority).toBeCloseTo(before.get(a3.platformPostId)! + NETWORK_CONFIRM_BOOST, 9);
    const detail = await json(h.request('GET', `/v1/networks/${await memberOf(a1)}`, { key: analyst }));
    expect(detail.confirmedAt).not.toBeNull();
  });

  it('links a small edit of an earlier post as a near-duplicate, and routes a re-upload of a confirmed post to referral candidate', async () => {
    // a1 is confirmed. A re-upload with a changed price and emoji, on another platform:
    const reupload = post(
      'snapchat',
      'Boat to UK this week 🚤🚤 100% guaranteed, 1400€ per person, kids half price!! WhatsApp +44 7911 123456',
      '7',
    );
    // A near-duplicate of c1 (not decided), and a clearly different advert.
    const edit = post(
      'tiktok',
      'Boat to Italy from Libya, 3200€ guaranteed arrival, join our group https://chat.whatsapp.com/GroupInvite1 for the next trip!',
      '7',
    );
    const other = post('x', 'Flight to London with a real passport, VIP package, 8000 dollars, contact on Signal for details', '7');
    expect((await h.post('/v1/posts', { posts: [reupload, edit, other] })).status).toBe(202);
    await h.drain();

    const links = await h.db.prisma.nearDuplicate.findMany({ orderBy: { similarity: 'desc' } });
    const id = (p: { platform: string; platformPostId: string }) => postIdFor(p.platform, p.platformPostId);
    expect(links.map((l) => [l.postId, l.earlierPostId])).toEqual(
      expect.arrayContaining([
        [id(reupload), id(a1)],
        [id(edit), id(c1)],
      ]),
    );
    expect(links.find((l) => l.postId === id(other))).toBeUndefined();
    for (const l of links) expect(l.similarity).toBeGreaterThanOrEqual(0.7);

    const re = await h.db.prisma.post.findUniqueOrThrow({ where: { id: id(reupload) }, include: { reviewItem: true } });
    expect(re.outcome).toBe('referral_candidate');
    expect(re.reviewItem!.referralCandidate).toBe(true);
    // The near-duplicate of an undecided post and the unrelated post are routed by score as usual.
    for (const p of [edit, other]) expect((await h.db.prisma.post.findUniqueOrThrow({ where: { id: id(p) } })).outcome).toBe('review');
    // It joined the (confirmed) network and got the same raise.
    expect(re.reviewItem!.networkBoost).toBe(NETWORK_CONFIRM_BOOST);

    const view = await json(h.request('GET', `/v1/review/items/${re.reviewItem!.id}`, { key: reviewer }));
    expect(view.nearDuplicateOf).toMatchObject({
      postId: id(a1),
      status: 'confirmed',
      decision: { action: 'confirm', reasonCode: 'smuggling_offer' },
    });
    expect(view.network).toEqual({ id: await memberOf(a1), size: 7, vouched: 2 }); // a1 and a2 confirmed
    const editView = await json(h.request('GET', `/v1/review/items/${(await itemOf(edit)).id}`, { key: reviewer }));
    expect(editView.nearDuplicateOf).toMatchObject({ postId: id(c1), status: 'open', decision: null });
  });

  describe('in a browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => browser?.close());

    it('lists networks and shows one with its contact points and posts', async () => {
      const page = await browser.newPage();
      await page.goto(`${h.rt.apiUrl}/review/sign-in`);
      await page.fill('input[name=key]', analyst);
      await page.click('form[action="/review/sign-in"] button[type=submit]');
      await page.waitForURL(/\/review$/);
      await page.click('header a[href="/networks"]');
      await page.waitForURL(/\/networks$/);
      const rows = page.locator('[data-testid=networks] tbody tr');
      expect(await rows.count()).toBe(2);
      expect(await rows.first().textContent()).toContain('7 posts');
      await rows.first().locator('a').click();
      await page.waitForURL(/\/networks\/[0-9a-f-]{36}$/);
      expect(await page.textContent('[data-testid=size]')).toBe('7');
      expect(await page.textContent('[data-testid=platforms]')).toBe('facebook, instagram, snapchat, telegram, tiktok, x');
      expect(await page.locator('[data-testid=entities] li').count()).toBe(2);
      expect(await page.locator('[data-testid=posts] tbody tr').count()).toBe(7);
      expect(await page.textContent('[data-testid=removed]')).toContain('1 of 7');
      await page.close();
    });
  });

  it('raises the open items of a network that merges into a confirmed one', async () => {
    // Runs last: it merges C into A, which the page test above counts as two networks.
    // Network A holds a confirmed post; C does not. A post naming both merges them, and C's open
    // items get the raise a confirmation gives (looked up through C's members, before the merge).
    const before = new Map<string, number>();
    for (const p of [c1, c2]) {
      const item = await itemOf(p);
      expect(item.networkBoost).toBe(0);
      before.set(p.platformPostId, item.priority);
    }
    const joiner = post(
      'instagram',
      'Boats and lorries to Europe, 1500€, guaranteed, WhatsApp +44 7911 123456 or join chat.whatsapp.com/GroupInvite1',
      '8',
    );
    expect((await h.post('/v1/posts', { posts: [joiner] })).status).toBe(202);
    await h.drain();
    expect(await memberOf(c1)).toBe(await memberOf(a1));
    for (const p of [c1, c2]) {
      const after = await itemOf(p);
      expect(after.networkBoost).toBe(NETWORK_CONFIRM_BOOST);
      expect(after.priority).toBeCloseTo(before.get(p.platformPostId)! + NETWORK_CONFIRM_BOOST, 9);
    }
  });
});
