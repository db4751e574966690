import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIdFor } from '../core/post-input.ts';
import { makePost, startHarness, type Harness } from '../test/harness.ts';
import { waitForDrain } from './drain.ts';
import { jobIds } from '../core/jobs.ts';

const ADVERT = 'Boat to UK leaving this week 🚤🇬🇧 100% guaranteed safe crossing, 1500€ per person. WhatsApp +44 7911 123456';

/** Waits until the refer queue has nothing left to do. */
const drainRefer = (h: Harness) => waitForDrain(h.rt.queues, { names: ['refer'], intervalMs: 50, timeoutMs: 30_000 });

describe('refer-candidates: one refer job per classify batch', () => {
  let h: Harness;
  beforeAll(async () => {
    // Low thresholds: every advert here is a referral candidate; routing is tested elsewhere.
    h = await startHarness(undefined, { REFER_THRESHOLD: '0.3', REVIEW_THRESHOLD: '0.1', EVIDENCE_CAPTURE: 'off' });
    await h.db.prisma.platform.update({ where: { name: 'telegram' }, data: { autoRefer: true } });
  });
  afterAll(async () => h?.close());

  it('refers candidates of auto-referring platforms, leaves the others for a reviewer, and a redelivery adds nothing', async () => {
    const onTelegram = makePost(`${ADVERT} t.me/crossing_now`, { platform: 'telegram', url: 'https://t.me/crossing_now/1' });
    const onFacebook = makePost(`${ADVERT} facebook page`);
    expect((await h.post('/v1/posts', { posts: [onTelegram, onFacebook] })).status).toBe(202);
    await h.drain();
    await drainRefer(h);

    const ids = [postIdFor('telegram', onTelegram.platformPostId), postIdFor('facebook', onFacebook.platformPostId)];
    const posts = await h.db.prisma.post.findMany({ where: { id: { in: ids } }, select: { id: true, outcome: true } });
    expect(posts.map((p) => p.outcome)).toEqual(['referral_candidate', 'referral_candidate']);

    // Both candidates travelled in one job, named by its candidate set.
    const job = await h.rt.queues.refer.getJob(jobIds.referCandidates(ids));
    expect(job?.name).toBe('refer-candidates');
    expect([...(job!.data as { postIds: string[] }).postIds].sort()).toEqual([...ids].sort());
    expect(job!.returnvalue).toEqual({ candidates: 2, created: 1, exists: 0, awaitingReview: 1 });

    const referrals = await h.db.prisma.referral.findMany({ select: { postId: true, automated: true } });
    expect(referrals).toEqual([{ postId: ids[0], automated: true }]);

    // A redelivered batch (say, after a crash between routing and acknowledging) changes nothing.
    await h.rt.queues.refer.add('refer-candidates', { postIds: ids }, { jobId: 'redelivery' });
    await drainRefer(h);
    const again = await h.rt.queues.refer.getJob('redelivery');
    expect(again!.returnvalue).toEqual({ candidates: 2, created: 0, exists: 1, awaitingReview: 1 });
    expect(await h.db.prisma.referral.count()).toBe(1);
  });
});
