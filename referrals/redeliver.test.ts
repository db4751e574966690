/**
 * Re-delivery against a fake platform: a referral dead-lettered after its webhook kept failing is
 * sent again — by `POST /v1/referrals/{id}/redeliver`, by a queue-dashboard retry of the failed
 * `deliver` job (`job.retry()`), and by the CLI's domain function for a whole platform — with the
 * same webhook id, delivered exactly once, and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, until } from '../test/harness.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import { startFakePlatform, type FakePlatform, useFakePlatform } from '../test/fake-platform.ts';
import { jobIds } from '../core/jobs.ts';
import { generateSigningSecret } from './secrets.ts';
import { redeliverFailed } from './redeliver.ts';

describe('re-delivery of failed referrals', () => {
  let h: Harness;
  let fake: FakePlatform;
  const secret = generateSigningSecret();

  /** A confirmed item on tiktok, referred while the webhook answers 500 until it is dead-lettered. */
  async function failedReferral() {
    fake.failNext = 1_000;
    const { id, postId } = (await seedReviewItems(h.db, [{ platform: 'tiktok', status: 'confirmed' }]))[0]!;
    await h.rt.queues.refer.add('refer', { postId, decisionId: `d-${id}` }, { jobId: `refer-${postId}` });
    const r = await until(() => h.db.prisma.referral.findFirst({ where: { postId, status: 'failed' } }));
    fake.failNext = 0;
    expect(fake.attempts.filter((a) => a.webhookId === r.idempotencyKey).map((a) => a.status)).toEqual([500, 500]);
    return r;
  }
  const delivered = (webhookId: string) => fake.attempts.filter((a) => a.webhookId === webhookId && a.status === 200).length;
  const deps = () => ({ db: h.db, config: h.rt.config, queues: h.rt.queues });
  const sent = (id: string) => until(() => h.db.prisma.referral.findFirst({ where: { id, status: 'sent' } }));

  beforeAll(async () => {
    fake = await startFakePlatform(secret);
    h = await startHarness(
      { workers: ['refer'], api: true },
      { EVIDENCE_CAPTURE: 'off', REFER_BACKOFF_MS: '100', REFER_ATTEMPTS: '2', LIVENESS_SCHEDULE: '', FETCH_ALLOW_HOSTS: fake.hostPort },
    );
    await useFakePlatform(h.db, 'tiktok', fake, secret);
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('POST /v1/referrals/{id}/redeliver sends it again with the same webhook id, exactly once', async () => {
    const r = await failedReferral();
    const lead = await h.key('lead');
    expect((await h.request('POST', `/v1/referrals/${r.id}/redeliver`, { key: await h.key('reviewer') })).status).toBe(403);
    const res = await h.request('POST', `/v1/referrals/${r.id}/redeliver`, { key: lead });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ id: r.id, status: 'queued' });
    const after = await sent(r.id);
    expect(after.ticketId).toMatch(/^TICKET-/);
    expect(after.lastError).toBeNull();
    await new Promise((res2) => setTimeout(res2, 500));
    expect(delivered(r.idempotencyKey)).toBe(1);
    const audit = await h.db.prisma.auditEvent.findMany({ where: { subjectId: r.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['referral.create', 'referral.failed', 'referral.redeliver', 'referral.sent']);
    expect(audit[2]!.after).toMatchObject({ status: 'queued', via: 'api' });
    // Only failed referrals are re-delivered: a second request is a 409 naming the state, nothing is sent.
    const again = await h.request('POST', `/v1/referrals/${r.id}/redeliver`, { key: lead });
    expect(again.status).toBe(409);
    expect(((await again.json()) as any).error.message).toMatch(/is sent/);
    expect(delivered(r.idempotencyKey)).toBe(1);
  });

  it('a queue-dashboard retry of the failed deliver job delivers it (audited as a re-delivery)', async () => {
    const r = await failedReferral();
    const job = await h.rt.queues.refer.getJob(jobIds.deliver(r.id));
    expect(await job!.getState()).toBe('failed');
    await job!.retry();
    await sent(r.id);
    await until(async () => (await job!.getState()) === 'completed');
    expect(delivered(r.idempotencyKey)).toBe(1);
    const redeliver = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: r.id, action: 'referral.redeliver' } });
    expect(redeliver.actor).toBe('system:queue-dashboard');
  });

  it('re-delivers every failed referral of a platform (the CLI’s selection) and reports the rest', async () => {
    const [a, b] = [await failedReferral(), await failedReferral()];
    const { id: platformId } = await h.db.prisma.platform.findUniqueOrThrow({ where: { name: 'tiktok' } });
    const results = await redeliverFailed(deps(), { platformId }, 'cli:tester', 'cli');
    expect(
      results
        .filter((x) => x.ok)
        .map((x) => x.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    await Promise.all([sent(a.id), sent(b.id)]);
    const named = await redeliverFailed(deps(), { ids: [a.id] }, 'cli:tester', 'cli');
    expect(named).toEqual([{ id: a.id, ok: false, error: expect.stringMatching(/is sent, not failed/) }]);
    await new Promise((res) => setTimeout(res, 500));
    expect([delivered(a.idempotencyKey), delivered(b.idempotencyKey)]).toEqual([1, 1]);
  });
});
