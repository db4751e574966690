import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { checkedApp } from '../../test/openapi-contract.ts';
import { createLogger } from '../../core/logger.ts';
import { upsertPlatform } from '../../referrals/platforms.ts';
import { generateSigningSecret } from '../../referrals/secrets.ts';
import { TIMESTAMP_TOLERANCE_SECONDS } from '../../referrals/delivery/signature.ts';
import { startHarness, type Harness } from '../../test/harness.ts';
import { seedSentReferrals, signedReport } from '../../test/platform-fixtures.ts';

type ErrorBody = { error: { code: string; message: string } };

describe('platform callbacks: webhook replay protection', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let key: string;
  const secret = generateSigningSecret();
  beforeAll(async () => {
    h = await startHarness({ api: false });
    app = checkedApp(createApp({ ...h.rt.pipeline, redis: h.rt.redis, log: createLogger('silent') }));
    await upsertPlatform(h.db, 'tiktok', { signingSecret: secret }, undefined, false);
    key = await h.key('platform', { platform: 'tiktok' });
  });
  afterAll(async () => h?.close());

  const send = (id: string, raw: string, headers: Record<string, string>) =>
    app.request(`/v1/platform/referrals/${id}/status`, {
      method: 'POST',
      body: raw,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    });

  it('refuses a second request with an accepted webhook-id, naming it, and changes nothing', async () => {
    const [id] = await seedSentReferrals(h.db, 'tiktok');
    const raw = JSON.stringify({ referralId: id, status: 'acknowledged', ticketId: 'T-1' });
    const headers = signedReport(secret, raw);
    expect((await send(id!, raw, headers)).status).toBe(200);
    const before = await h.db.prisma.referral.findUniqueOrThrow({ where: { id: id! } });

    const replay = await send(id!, raw, headers);
    expect(replay.status).toBe(409);
    const body = (await replay.json()) as ErrorBody;
    expect(body.error.message).toContain(`webhook-id: ${headers['webhook-id']} was already accepted`);
    expect(await h.db.prisma.referral.findUniqueOrThrow({ where: { id: id! } })).toEqual(before);
    expect(await h.db.prisma.auditEvent.count({ where: { subjectId: id! } })).toBe(1);

    // Remembered for twice the timestamp tolerance, under this runtime's prefix.
    const ttl = await h.rt.redis.ttl(`${h.config.queuePrefix}:webhook-seen:${before.platformId}:${headers['webhook-id']}`);
    expect(ttl).toBeGreaterThan(TIMESTAMP_TOLERANCE_SECONDS);
    expect(ttl).toBeLessThanOrEqual(2 * TIMESTAMP_TOLERANCE_SECONDS);

    // The platform's next report, with a new id, goes through.
    const next = JSON.stringify({ referralId: id, status: 'actioned' });
    expect((await send(id!, next, signedReport(secret, next))).status).toBe(200);
  });

  it('lets exactly one of two simultaneous identical requests through', async () => {
    const [id] = await seedSentReferrals(h.db, 'tiktok');
    const raw = JSON.stringify({ referralId: id, status: 'acknowledged', ticketId: 'T-2' });
    const headers = signedReport(secret, raw);
    const statuses = (await Promise.all([send(id!, raw, headers), send(id!, raw, headers)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
  });

  it('does not burn the id of a refused request: fixed and re-signed, it goes through', async () => {
    const [id] = await seedSentReferrals(h.db, 'tiktok');
    const webhookId = 'msg_fixed_after_400';
    const bad = JSON.stringify({ referralId: id, status: 'declined' });
    const first = await send(id!, bad, signedReport(secret, bad, { webhookId }));
    expect(first.status).toBe(400);
    expect(((await first.json()) as ErrorBody).error.message).toMatch(/reason/);
    const good = JSON.stringify({ referralId: id, status: 'declined', reason: 'not smuggling' });
    expect((await send(id!, good, signedReport(secret, good, { webhookId }))).status).toBe(200);
  });

  it('refuses a webhook-id that is not 1–256 visible ASCII characters, naming the header', async () => {
    const [id] = await seedSentReferrals(h.db, 'tiktok');
    const raw = JSON.stringify({ referralId: id, status: 'acknowledged', ticketId: 'T-3' });
    const res = await send(id!, raw, signedReport(secret, raw, { webhookId: 'x'.repeat(300) }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/^header webhook-id:/);
    expect((await h.db.prisma.referral.findUniqueOrThrow({ where: { id: id! } })).status).toBe('sent');
  });

  it('refuses a report signed for one referral when sent to another referral’s URL, and changes neither', async () => {
    const [r1, r2] = await seedSentReferrals(h.db, 'tiktok', 2);
    const raw = JSON.stringify({ referralId: r1, status: 'declined', reason: 'not smuggling' });
    const headers = signedReport(secret, raw);
    const r2Before = await h.db.prisma.referral.findUniqueOrThrow({ where: { id: r2! } });

    // Captured on its way to R1 and sent to R2's URL first: the signature verifies, the binding does not.
    const replay = await send(r2!, raw, headers);
    expect(replay.status).toBe(400);
    const body = (await replay.json()) as ErrorBody;
    expect(body.error.message).toMatch(/^body referralId: .* does not match the referral in the path/);
    expect(await h.db.prisma.referral.findUniqueOrThrow({ where: { id: r2! } })).toEqual(r2Before);
    expect(await h.db.prisma.auditEvent.count({ where: { subjectId: r2! } })).toBe(0);

    // The genuine report still reaches R1 (the refused replay did not use up its webhook-id).
    expect((await send(r1!, raw, headers)).status).toBe(200);
    expect((await h.db.prisma.referral.findUniqueOrThrow({ where: { id: r1! } })).status).toBe('declined');
    expect(await h.db.prisma.referral.findUniqueOrThrow({ where: { id: r2! } })).toEqual(r2Before);
  });

  it('refuses a signed report that does not name its referral, saying what is missing', async () => {
    const [id] = await seedSentReferrals(h.db, 'tiktok');
    const raw = JSON.stringify({ status: 'acknowledged', ticketId: 'T-4' });
    const res = await send(id!, raw, signedReport(secret, raw));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(
      /^body referralId: required: the id of the referral this report is about/,
    );
    expect((await h.db.prisma.referral.findUniqueOrThrow({ where: { id: id! } })).status).toBe('sent');
    expect(await h.db.prisma.auditEvent.count({ where: { subjectId: id! } })).toBe(0);
  });
});
