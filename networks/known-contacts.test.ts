/**
 * Known contacts end to end on the real pipeline (ingest → classify → refer, PostgreSQL, Redis): a
 * referred advert makes its network's phone, handle and messenger link raise weak posts to review
 * (`known_contact`) and pull them into the network; a contact a lead marked benign does neither.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIdFor } from '../core/post-input.ts';
import { makePost, startHarness, type Harness } from '../test/harness.ts';
import type { Signal } from '../detector/types.ts';
import { NETWORK_CONFIRM_BOOST } from './priority.ts';

// Thresholds set so the advert (score ~0.98) is a referral candidate and every weak post below
// (scores under 0.9 with the shipped model) would be dismissed on its text alone.
const ENV = { REFER_THRESHOLD: '0.97', REVIEW_THRESHOLD: '0.9' };
// +44 7700 900xxx and +44 1632 960xxx are the UK's fictional ranges: possible, not valid.
const advert = makePost(
  'Boat to UK this week, 100% guaranteed, 1500€ per person, kids half price. WhatsApp +44 7700 900123 or telegram t.me/kent_crossings, call also +44 1632 960000',
);
const byPhone = makePost('Call me +44 7700 900123');
const byHandle = makePost('ask for Ali on telegram @Kent_Crossings');
const byLink = makePost('the football group chat moved, join wa.me/447700900123');
const helpline = makePost('For help call the helpline +44 1632 960000');
// Scores between the thresholds: review on its text; the benign number must still link it nowhere.
const reviewedWithHelpline = makePost('Boat trips around the bay this weekend, kids half price, WhatsApp 0044 1632 960000');
const idOf = (p: { platform: string; platformPostId: string }) => postIdFor(p.platform, p.platformPostId);

describe('known contacts', () => {
  let h: Harness;
  let lead: string;
  let reviewer: string;
  let networkId: string;
  const classification = async (p: typeof advert) => {
    const rows = await h.db.prisma.classification.findMany({ where: { postId: idOf(p) } });
    expect(rows).toHaveLength(1);
    return { ...rows[0]!, signals: rows[0]!.signals as unknown as Signal[] };
  };

  beforeAll(async () => {
    h = await startHarness({ workers: ['ingest', 'classify', 'refer'], api: true }, ENV);
    await h.db.prisma.platform.update({ where: { name: 'facebook' }, data: { autoRefer: true } });
    lead = await h.key('lead');
    reviewer = await h.key('reviewer');
  });
  afterAll(async () => h?.close());

  it('counts a network as vouched for once the refer stage refers its advert', async () => {
    expect((await h.post('/v1/posts', { posts: [advert] })).status).toBe(202);
    await h.drain();
    await expect.poll(() => h.db.prisma.referral.count({ where: { postId: idOf(advert) } }), { timeout: 20_000 }).toBe(1);
    const member = await h.db.prisma.networkMember.findUniqueOrThrow({ where: { postId: idOf(advert) } });
    expect(member.vouched).toBe(true);
    networkId = member.networkId;
    expect((await h.db.prisma.network.findUniqueOrThrow({ where: { id: networkId } })).vouchedCount).toBe(1);
    // The fictional-range phone was extracted (valid=false) and is a network entity.
    const signals = (await classification(advert)).signals;
    expect(signals.filter((s) => s.type === 'phone').map((s) => [s.value, s.valid])).toEqual([
      ['+447700900123', false],
      ['+441632960000', false],
    ]);
    expect(await h.db.prisma.networkEntity.count({ where: { networkId } })).toBe(3);
  });

  it('lets a lead, not a reviewer, mark a contact benign, and audits it', async () => {
    const body = { contact: '+44 1632 960000', note: 'Refugee helpline quoted in warnings' };
    expect((await h.request('POST', '/v1/contacts/benign', { key: reviewer, body })).status).toBe(403);
    const bad = await h.request('POST', '/v1/contacts/benign', { key: lead, body: { contact: 'call me maybe', note: 'x' } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('contact');
    const res = await h.request('POST', '/v1/contacts/benign', { key: lead, body });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ key: 'phone:+441632960000', note: body.note });
    const list = (await (await h.request('GET', '/v1/contacts/benign', { key: reviewer })).json()) as { contacts: { key: string }[] };
    expect(list.contacts.map((c) => c.key)).toEqual(['phone:+441632960000']);
    expect(
      await h.db.prisma.auditEvent.count({
        where: { action: 'contact.benign_add', subjectType: 'contact', subjectId: 'phone:+441632960000' },
      }),
    ).toBe(1);
  });

  it('raises weak posts naming a known phone, handle or messenger link to review, into the network', async () => {
    expect((await h.post('/v1/posts', { posts: [byPhone, byHandle, byLink, helpline, reviewedWithHelpline] })).status).toBe(202);
    await h.drain();
    for (const [p, contact] of [
      [byPhone, '+44 7700 900123'],
      [byHandle, '@Kent_Crossings'],
      [byLink, 'wa.me/447700900123'],
    ] as const) {
      const post = await h.db.prisma.post.findUniqueOrThrow({ where: { id: idOf(p) } });
      expect(post.outcome, p.text).toBe('review');
      const c = await classification(p);
      expect(c.score).toBeLessThan(0.9);
      const known = c.signals.filter((s) => s.type === 'known_contact');
      expect(known).toEqual([
        { type: 'known_contact', value: networkId, start: p.text.indexOf(contact), end: p.text.indexOf(contact) + contact.length },
      ]);
      expect((await h.db.prisma.networkMember.findUniqueOrThrow({ where: { postId: post.id } })).networkId).toBe(networkId);
      expect((await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { postId: post.id } })).networkBoost).toBe(NETWORK_CONFIRM_BOOST);
    }
    expect((await h.db.prisma.network.findUniqueOrThrow({ where: { id: networkId } })).postCount).toBe(4);
    // The possible-but-invalid number is what links the advert and byPhone (and byLink's wa.me).
    const linked = await h.db.prisma.postEntity.findMany({ where: { entityKey: 'phone:+447700900123' }, orderBy: { postId: 'asc' } });
    expect(linked.map((e) => e.postId).sort()).toEqual([idOf(advert), idOf(byPhone), idOf(byLink)].sort());
    expect((await classification(byPhone)).signals.find((s) => s.type === 'phone')).toMatchObject({ value: '+447700900123', valid: false });
  });

  it('ignores a benign contact: the post is dismissed on its text and links nowhere', async () => {
    const id = idOf(helpline);
    expect((await h.db.prisma.post.findUniqueOrThrow({ where: { id } })).outcome).toBe('dismissed');
    expect((await classification(helpline)).signals.some((s) => s.type === 'known_contact')).toBe(false);
    expect(await h.db.prisma.networkMember.count({ where: { postId: id } })).toBe(0);
    expect(await h.db.prisma.postEntity.count({ where: { postId: id } })).toBe(0);
    const reviewed = idOf(reviewedWithHelpline);
    expect((await h.db.prisma.post.findUniqueOrThrow({ where: { id: reviewed } })).outcome).toBe('review');
    expect((await classification(reviewedWithHelpline)).signals.some((s) => s.type === 'known_contact')).toBe(false);
    expect(await h.db.prisma.networkMember.count({ where: { postId: reviewed } })).toBe(0);
    expect(await h.db.prisma.postEntity.count({ where: { postId: reviewed } })).toBe(0);
    // The advert's own link to it stays (only future links stop), shown as benign.
    const detail = (await (await h.request('GET', `/v1/networks/${networkId}`, { key: reviewer })).json()) as {
      vouched: number;
      entities: { key: string; benign: boolean }[];
    };
    expect(detail.vouched).toBe(1);
    expect(detail.entities.find((e) => e.key === 'phone:+441632960000')?.benign).toBe(true);
    expect(detail.entities.find((e) => e.key === 'phone:+447700900123')?.benign).toBe(false);
  });

  it('adds nothing twice when a classify job is delivered again', async () => {
    const before = await h.db.prisma.network.findUniqueOrThrow({ where: { id: networkId } });
    const item = await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { postId: idOf(byPhone) } });
    await h.rt.queues.classify.add(
      'classify',
      { postIds: [idOf(byPhone), idOf(byHandle), idOf(helpline)] },
      { jobId: 'redelivered-known-contacts' },
    );
    await h.drain();
    await expect.poll(async () => (await h.rt.queues.classify.getJob('redelivered-known-contacts'))?.finishedOn).toBeTruthy();
    expect((await classification(byPhone)).signals.filter((s) => s.type === 'known_contact')).toHaveLength(1);
    expect(await h.db.prisma.network.findUniqueOrThrow({ where: { id: networkId } })).toEqual(before);
    expect((await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { postId: idOf(byPhone) } })).priority).toBe(item.priority);
    expect(await h.db.prisma.networkMember.count({ where: { postId: idOf(helpline) } })).toBe(0);
  });

  it('lets a lead unmark a benign contact, audited; unknown ones answer 404', async () => {
    const q = `/v1/contacts/benign?contact=${encodeURIComponent('phone:+441632960000')}`;
    expect((await h.request('DELETE', q, { key: reviewer })).status).toBe(403);
    expect((await h.request('DELETE', q, { key: lead })).status).toBe(200);
    expect((await h.request('DELETE', q, { key: lead })).status).toBe(404);
    expect(await h.db.prisma.auditEvent.count({ where: { action: 'contact.benign_remove', subjectId: 'phone:+441632960000' } })).toBe(1);
    // Counting again from now on: a new weak post naming it is raised into the network.
    const again = makePost('the helpline number is +44 1632 960000 again');
    await h.post('/v1/posts', { posts: [again] });
    await h.drain();
    expect((await h.db.prisma.post.findUniqueOrThrow({ where: { id: idOf(again) } })).outcome).toBe('review');
    expect((await h.db.prisma.networkMember.findUniqueOrThrow({ where: { postId: idOf(again) } })).networkId).toBe(networkId);
  });

  it('shows the known contact and the phone validity on the item page; a lead marks a contact benign there', async () => {
    const session = async (key: string) => {
      const res = await fetch(`${h.rt.apiUrl}/review/sign-in`, {
        method: 'POST',
        body: new URLSearchParams({ key, next: '/review' }),
        headers: { origin: h.rt.apiUrl! },
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const [leadCookie, reviewerCookie] = [await session(lead), await session(reviewer)];
    const item = await h.db.prisma.reviewItem.findUniqueOrThrow({ where: { postId: idOf(byPhone) } });
    const page = async (cookie: string) => (await fetch(`${h.rt.apiUrl}/review/items/${item.id}`, { headers: { cookie } })).text();
    const html = await page(leadCookie);
    expect(html).toContain('data-signal="phone known_contact"');
    expect(html.replace(/<[^>]+>/g, '')).toContain(
      `Known contact: +44 7700 900123 is in network ${networkId.slice(0, 8)} (1 referred/confirmed post(s))`,
    );
    expect(html).toContain(`href="/networks/${networkId}"`);
    expect(html).toContain('not a valid number in any plan');
    expect(html).toContain('data-testid="mark-benign" data-contact="phone:+447700900123"');
    expect(await page(reviewerCookie)).not.toContain('data-testid="mark-benign"');

    const form = (cookie: string) =>
      fetch(`${h.rt.apiUrl}/review/contacts/benign`, {
        method: 'POST',
        body: new URLSearchParams({ contact: 'handle:@kent_crossings', note: 'test: press office', back: `/networks/${networkId}` }),
        headers: { cookie, origin: h.rt.apiUrl! },
        redirect: 'manual',
      });
    expect((await form(reviewerCookie)).status).toBe(403);
    expect(await h.db.prisma.benignContact.count({ where: { key: 'handle:@kent_crossings' } })).toBe(0);
    const marked = await form(leadCookie);
    expect(marked.status).toBe(303);
    expect(marked.headers.get('location')).toMatch(new RegExp(`^/networks/${networkId}\\?done=`));
    expect(await h.db.prisma.benignContact.count({ where: { key: 'handle:@kent_crossings' } })).toBe(1);
    const networkPage = await (await fetch(`${h.rt.apiUrl}/networks/${networkId}`, { headers: { cookie: leadCookie } })).text();
    expect(networkPage).toContain('data-testid="benign" data-contact="handle:@kent_crossings"');
    expect(networkPage).toContain('data-testid="mark-benign" data-contact="phone:+447700900123"');
  });
});
