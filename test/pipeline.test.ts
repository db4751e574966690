import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIdFor } from '../core/post-input.ts';
import { loadDetector } from '../detector/index.ts';
import { outstandingJobs } from '../workers/drain.ts';
import { makePost, startHarness, type Harness } from './harness.ts';

const ADVERT =
  'Boat to UK leaving this week 🚤🇬🇧 100% guaranteed safe crossing, 1500€ per person, kids half price. WhatsApp +44 7911 123456';
const NEWS = 'Police arrested four smugglers in Calais yesterday; two people drowned when a boat capsized, the report says.';
/** Ambiguous texts; the test uses one the shipped model scores between ADVERT and NEWS. */
const AMBIGUOUS = [
  'Boat trip to Greece, 300 euro, call',
  'Boat to the UK',
  'Travel to Italy by sea, details in private',
  'Calais to Dover, this week',
];
let MIDDLE = AMBIGUOUS[0]!;

describe('ingest → classify → route', () => {
  let h: Harness;
  beforeAll(async () => {
    // Routing is under test here, not the model: thresholds come from config (as an operator
    // would set them), placed between the shipped model's scores for the three texts.
    const detector = await loadDetector();
    const [advert, news, ...others] = detector
      .classify([ADVERT, NEWS, ...AMBIGUOUS].map((text, i) => ({ id: String(i), text })))
      .map((r) => r.score);
    const pick = others.findIndex((m) => m < advert! - 1e-3 && m > news! + 1e-3);
    if (pick < 0) throw new Error(`no fixture scores between the advert (${advert}) and the news (${news}): ${others.join(', ')}`);
    MIDDLE = AMBIGUOUS[pick]!;
    const middle = others[pick]!;
    h = await startHarness(undefined, {
      REFER_THRESHOLD: String((advert! + middle!) / 2),
      REVIEW_THRESHOLD: String((middle! + news!) / 2),
    });
  });
  afterAll(async () => h?.close());

  it('persists, classifies and routes each post to one outcome', async () => {
    const posts = [
      makePost(ADVERT, { lang: 'en', postedAt: '2026-11-20T10:00:00Z' }),
      makePost(NEWS),
      makePost(MIDDLE, { platform: 'tiktok' }),
    ];
    const res = await h.post('/v1/posts', { posts });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { accepted: { index: number; id: string }[]; errors: unknown[] };
    expect(body.errors).toEqual([]);
    expect(body.accepted.map((a) => a.id)).toEqual(posts.map((p) => postIdFor(p.platform, p.platformPostId)));

    await h.drain();
    const rows = await h.db.prisma.post.findMany({ include: { classifications: true, reviewItem: true, platform: true } });
    expect(rows).toHaveLength(3);
    const byText = new Map(rows.map((r) => [r.text, r]));
    const advert = byText.get(ADVERT)!;
    const news = byText.get(NEWS)!;
    const middle = byText.get(MIDDLE)!;

    expect(advert.outcome).toBe('referral_candidate');
    expect(advert.language).toBe('en');
    expect(advert.postedAt?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(advert.reviewItem).toMatchObject({ status: 'open', referralCandidate: true, platformId: advert.platformId });
    expect(news.outcome).toBe('dismissed');
    expect(news.reviewItem).toBeNull();
    expect(middle.outcome).toBe('review');
    expect(middle.platform.name).toBe('tiktok');
    expect(middle.reviewItem).toMatchObject({ status: 'open', referralCandidate: false });

    for (const r of rows) {
      expect(r.classifications).toHaveLength(1);
      expect(r.routedAt).not.toBeNull();
    }
    const c = advert.classifications[0]!;
    expect(c.score).toBeGreaterThan(middle.classifications[0]!.score);
    expect(middle.classifications[0]!.score).toBeGreaterThan(news.classifications[0]!.score);
    const signals = c.signals as { type: string; value: string; start: number; end: number }[];
    expect(signals.length).toBeGreaterThan(0);
    for (const s of signals) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(ADVERT.length);
      // Lexicon concepts quote the original text; entities (phone, route) carry a canonical value.
      if (s.type.startsWith('concept:')) expect(ADVERT.slice(s.start, s.end)).toBe(s.value);
    }
    expect(signals.map((s) => s.type)).toEqual(expect.arrayContaining(['concept:transport', 'phone']));

    // Queue states: everything completed; the candidate went to `refer` in its batch's one job.
    expect(await outstandingJobs(h.rt.queues)).toBe(0);
    const referJobs = await h.rt.queues.refer.getJobs(['completed', 'waiting', 'active', 'delayed']);
    const withAdvert = referJobs.filter((j) => 'postIds' in j.data && j.data.postIds.includes(advert.id));
    expect(withAdvert).toHaveLength(1);
    expect(withAdvert[0]!.name).toBe('refer-candidates');
    expect(withAdvert[0]!.returnvalue).toMatchObject({ candidates: expect.any(Number), created: 0, awaitingReview: expect.any(Number) });
    expect(await h.rt.queues.ingest.getCompletedCount()).toBe(1);
    expect(await h.rt.queues.classify.getCompletedCount()).toBeGreaterThanOrEqual(1);
  });

  it('keeps one Post for a post flagged twice, and links re-uploads by content', async () => {
    const original = makePost('Lorry to England from Dunkirk, hidden place, 2000 pounds, DM me');
    const again = { ...original, text: `${original.text} (flagged again)` };
    const reupload = makePost('LORRY to england from dunkirk — hidden place, 2000 pounds. DM me!!', { platform: 'instagram' });
    expect((await h.post('/v1/posts', { posts: [original, again] })).status).toBe(202);
    await h.drain();
    expect((await h.post('/v1/posts', original)).status).toBe(202);
    expect((await h.post('/v1/posts', reupload)).status).toBe(202);
    await h.drain();

    const id = postIdFor('facebook', original.platformPostId);
    expect(await h.db.prisma.post.count({ where: { platformPostId: original.platformPostId } })).toBe(1);
    expect(await h.db.prisma.classification.count({ where: { postId: id } })).toBe(1);
    const copy = await h.db.prisma.post.findUniqueOrThrow({ where: { id: postIdFor('instagram', reupload.platformPostId) } });
    expect(copy).toMatchObject({ outcome: 'duplicate', duplicateOfId: id });
    expect(await h.db.prisma.classification.count({ where: { postId: copy.id } })).toBe(0);
  });
});
