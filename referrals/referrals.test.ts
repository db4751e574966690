/**
 * Referral delivery end to end against a fake platform: signed webhooks verified with the
 * `standardwebhooks` library, retry on 500, dead-lettering on refusal, idempotency under retries
 * and re-flags, the platform's status reports (lifecycle, auth, signatures), and liveness.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { startHarness, type Harness, until } from '../test/harness.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import { startFakePlatform, type FakePlatform } from '../test/fake-platform.ts';
import { generateSigningSecret } from './secrets.ts';
import { upsertPlatform } from './platforms.ts';
import { sign } from './delivery/signature.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validateNotice = ajv.compile(JSON.parse(readFileSync(new URL('./notice.schema.json', import.meta.url), 'utf8')));

describe('referral delivery to a fake platform', () => {
  let h: Harness;
  let fake: FakePlatform;
  const secret = generateSigningSecret();
  let platformKey: string;
  let otherKey: string;

  /** A confirmed review item on `tiktok` whose post page the fake platform serves; queued on `refer`. */
  async function confirmed(pageId: string) {
    const { id, postId } = (await seedReviewItems(h.db, [{ platform: 'tiktok', status: 'confirmed' }]))[0]!;
    await h.db.prisma.post.update({ where: { id: postId }, data: { url: `${fake.url}/posts/${pageId}` } });
    await h.rt.queues.refer.add('refer', { postId, decisionId: `d-${id}` }, { jobId: `refer-${postId}` });
    return postId;
  }
  const sentOf = (postId: string) => until(() => h.db.prisma.referral.findFirst({ where: { postId, status: { not: 'queued' } } }));

  beforeAll(async () => {
    fake = await startFakePlatform(secret);
    h = await startHarness(
      { workers: ['refer', 'liveness'], api: true },
      {
        EVIDENCE_CAPTURE: 'off',
        REFER_BACKOFF_MS: '200',
        REFER_ATTEMPTS: '4',
        LIVENESS_SCHEDULE: '1s,1s,1s,1s',
        FETCH_ALLOW_HOSTS: fake.hostPort,
      },
    );
    await upsertPlatform(
      h.db,
      'tiktok',
      {
        deliveryMode: 'webhook',
        webhookUrl: `${fake.url}/hooks/referrals`,
        signingSecret: secret,
        offlinePatterns: ['content isn.t available'],
      },
      undefined,
      false,
    );
    platformKey = await h.key('platform', { platform: 'tiktok' });
    otherKey = await h.key('platform', { platform: 'facebook' });
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('sends a signed notice that validates against the schema, retrying after a 500', async () => {
    fake.failNext = 1;
    const postId = await confirmed('a1');
    const r = await sentOf(postId);
    expect(r.status).toBe('sent');
    expect(r.ticketId).toBe('TICKET-1');
    const attempts = fake.attempts.filter((a) => a.webhookId === r.idempotencyKey);
    expect(attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(attempts.every((a) => a.verified)).toBe(true);
    const notice = fake.notices.get(r.idempotencyKey) as Record<string, any>;
    expect(validateNotice(notice), JSON.stringify(validateNotice.errors)).toBe(true);
    expect(notice.content.url).toBe(`${fake.url}/posts/a1`);
    expect(notice.notifier.email).toBeTruthy();
    expect(notice.goodFaithStatement).toMatch(/good faith|bona fide/);
    expect(notice.classification.humanReviewed).toBe(true);
    const audit = await h.db.prisma.auditEvent.findMany({ where: { subjectId: r.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['referral.create', 'referral.sent']);
  });

  it('does not notify twice: a re-queued post and a re-upload of the same content reuse the referral', async () => {
    const postId = await confirmed('a2');
    const r = await sentOf(postId);
    await h.rt.queues.refer.add('refer', { postId, decisionId: 'again' }, { jobId: `refer-${postId}-again` });
    // A re-upload: another post whose duplicateOfId is the first.
    const first = await h.db.prisma.post.findUniqueOrThrow({ where: { id: postId } });
    const dup = await h.db.prisma.post.create({
      data: {
        platformId: first.platformId,
        platformPostId: `${first.platformPostId}-re`,
        url: first.url,
        text: first.text,
        contentHash: first.contentHash,
        duplicateOfId: postId,
        outcome: 'duplicate',
      },
    });
    await h.db.prisma.reviewItem.create({
      data: {
        postId: dup.id,
        status: 'confirmed',
        priority: 1,
        score: 0.9,
        platformId: first.platformId,
        language: 'en',
        category: 'boat_crossing',
      },
    });
    await h.rt.queues.refer.add('refer', { postId: dup.id, decisionId: 'dup' });
    await new Promise((res) => setTimeout(res, 1_500));
    expect(await h.db.prisma.referral.count({ where: { idempotencyKey: r.idempotencyKey } })).toBe(1);
    expect(fake.attempts.filter((a) => a.webhookId === r.idempotencyKey && a.status === 200)).toHaveLength(1);
  });

  it('dead-letters a referral the receiver refuses (bad signature) as failed', async () => {
    await h.db.prisma.platform.update({ where: { name: 'tiktok' }, data: { signingSecret: generateSigningSecret() } });
    try {
      const postId = await confirmed('a3');
      const r = await until(() => h.db.prisma.referral.findFirst({ where: { postId, status: 'failed' } }));
      expect(r.lastError).toMatch(/401/);
      expect(fake.attempts.filter((a) => a.webhookId === r.idempotencyKey).map((a) => a.status)).toEqual([401]);
      expect(await h.db.prisma.auditEvent.count({ where: { subjectId: r.id, action: 'referral.failed' } })).toBe(1);
    } finally {
      await h.db.prisma.platform.update({ where: { name: 'tiktok' }, data: { signingSecret: secret } });
    }
  });

  it('dead-letters after the maximum attempts when the platform keeps failing', async () => {
    fake.failNext = 100;
    try {
      const postId = await confirmed('a4');
      const r = await until(() => h.db.prisma.referral.findFirst({ where: { postId, status: 'failed' } }), 30_000);
      expect(r.attempts).toBe(4);
      expect(fake.notices.has(r.idempotencyKey)).toBe(false);
    } finally {
      fake.failNext = 0;
    }
  });

  /** A status report naming its referral, signed as the platform would sign it (with the standardwebhooks library). */
  function report(id: string, body: object, opts: { key?: string; secret?: string | null; timestamp?: Date } = {}) {
    const raw = JSON.stringify({ referralId: id, ...body });
    const headers: Record<string, string> = { authorization: `Bearer ${opts.key ?? platformKey}`, 'content-type': 'application/json' };
    if (opts.secret !== null) {
      const msgId = `msg_${Math.random().toString(36).slice(2)}`;
      const ts = opts.timestamp ?? new Date();
      headers['webhook-id'] = msgId;
      headers['webhook-timestamp'] = String(Math.floor(ts.getTime() / 1000));
      headers['webhook-signature'] = new Webhook(opts.secret ?? secret).sign(msgId, ts, raw);
    }
    return fetch(`${h.rt.apiUrl}/v1/platform/referrals/${id}/status`, { method: 'POST', headers, body: raw });
  }

  it('takes the platform through the lifecycle, refusing what it must, and liveness tracks removal and reappearance', async () => {
    const postId = await confirmed('live1');
    const r = await sentOf(postId);
    const err = async (res: Response) => ({
      status: res.status,
      ...((await res.json()) as { error: { code: string; message: string } }).error,
    });

    expect(await err(await report(r.id, { status: 'acknowledged', ticketId: 'T-9' }, { secret: null }))).toMatchObject({
      status: 401,
      message: expect.stringMatching(/signed/),
    });
    expect(await err(await report(r.id, { status: 'acknowledged', ticketId: 'T-9' }, { secret: generateSigningSecret() }))).toMatchObject({
      status: 401,
      message: expect.stringMatching(/does not match/),
    });
    expect(
      await err(await report(r.id, { status: 'acknowledged', ticketId: 'T-9' }, { timestamp: new Date(Date.now() - 3_600_000) })),
    ).toMatchObject({ status: 401, message: expect.stringMatching(/5 minutes/) });
    expect(await err(await report(r.id, { status: 'acknowledged', ticketId: 'T-9' }, { key: otherKey, secret: null }))).toMatchObject({
      status: 403,
      message: expect.stringMatching(/another platform/),
    });
    expect(await err(await report('019abc12-3456-7def-8123-456789abcdef', { status: 'acknowledged', ticketId: 'T-9' }))).toMatchObject({
      status: 404,
    });
    expect(await err(await report(r.id, { status: 'declined' }))).toMatchObject({ status: 400, message: expect.stringMatching(/reason/) });
    expect((await h.db.prisma.referral.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('sent');

    const ack = await report(r.id, { status: 'acknowledged', ticketId: 'T-9' });
    expect(ack.status, await ack.clone().text()).toBe(200);
    expect(await err(await report(r.id, { status: 'acknowledged', ticketId: 'T-10' }))).toMatchObject({
      status: 409,
      message: expect.stringMatching(/acknowledged; it cannot become acknowledged/),
    });

    const list = (await (
      await fetch(`${h.rt.apiUrl}/v1/platform/referrals`, { headers: { authorization: `Bearer ${platformKey}` } })
    ).json()) as { referrals: { id: string; ticketId: string }[] };
    expect(list.referrals.find((x) => x.id === r.id)?.ticketId).toBe('T-9');
    const others = (await (
      await fetch(`${h.rt.apiUrl}/v1/platform/referrals`, { headers: { authorization: `Bearer ${otherKey}` } })
    ).json()) as { referrals: unknown[] };
    expect(others.referrals).toHaveLength(0);

    fake.removed.add('live1');
    expect((await report(r.id, { status: 'actioned', decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'] })).status).toBe(200);
    await until(() => h.db.prisma.referral.findFirst({ where: { id: r.id, status: 'confirmed_offline' } }));
    fake.removed.delete('live1');
    const back = await until(() => h.db.prisma.referral.findFirst({ where: { id: r.id, status: 'reappeared' } }));
    expect(back.reappearedAt).not.toBeNull();
    // Liveness checks run every second here, so whether a removal was first seen before the
    // platform's report (referral.offline) depends on timing; the lifecycle steps do not.
    const actions = (await h.db.prisma.auditEvent.findMany({ where: { subjectId: r.id }, orderBy: { id: 'asc' } }))
      .map((a) => a.action)
      .filter((a) => !['referral.offline', 'referral.online', 'referral.still_online'].includes(a));
    expect(actions).toEqual([
      'referral.create',
      'referral.sent',
      'referral.acknowledged',
      'referral.actioned',
      'referral.confirmed_offline',
      'referral.reappeared',
    ]);
  });

  it('signs exactly as the standardwebhooks library does', () => {
    const ts = new Date('2026-11-25T12:00:00Z');
    expect(sign(secret, 'msg_1', Math.floor(ts.getTime() / 1000), '{"a":1}')).toBe(new Webhook(secret).sign('msg_1', ts, '{"a":1}'));
  });
});
