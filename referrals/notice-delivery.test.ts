/**
 * A notice as a platform receives it over a signed webhook (issue #19 point 5): it carries the
 * post's text, a summary and the cues in words; its `$schema` URL answers on the running API, with
 * no key, and the notice validates against the schema served there; the ticket id the webhook
 * reply gave is stored at delivery; and nothing is delivered under the placeholder sender — a
 * worker that would deliver refuses to start, naming NOTIFIER_NAME / NOTIFIER_EMAIL.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../core/jobs.ts';
import { runCli } from '../test/cli.ts';
import { startFakePlatform, type FakePlatform, useFakePlatform } from '../test/fake-platform.ts';
import { startHarness, type Harness, until } from '../test/harness.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import { DeliveryError, deliverReferral } from './deliver.ts';
import { generateSigningSecret } from './secrets.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

type ReceivedNotice = {
  $schema: string;
  summary: string;
  content: { text: string; textSha256: string };
  classification: { category: string; cues: { text: string }[] };
};

describe('the notice a platform receives', () => {
  let h: Harness;
  let fake: FakePlatform;
  const secret = generateSigningSecret();
  const text = 'بلم به انگلیس هفته بعد، ۳۵۰۰ دلار، واتساپ +44 7911 123456';

  beforeAll(async () => {
    fake = await startFakePlatform(secret);
    h = await startHarness({ workers: ['refer'], api: true }, { REFER_BACKOFF_MS: '200', FETCH_ALLOW_HOSTS: fake.hostPort });
    await useFakePlatform(h.db, 'tiktok', fake, secret);
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  /** A confirmed Persian item on tiktok with the detector's cues, queued on `refer`. */
  async function confirmedPost() {
    const { id, postId } = (await seedReviewItems(h.db, [{ platform: 'tiktok', status: 'confirmed', language: 'fa', text }]))[0]!;
    await h.db.prisma.classification.updateMany({
      where: { postId },
      data: {
        category: 'boat_crossing',
        signals: [
          { type: 'concept:transport', value: 'بلم', start: 0, end: 3, gloss: 'boat (Iranian slang for an inflatable dinghy)' },
          { type: 'route', value: 'dest:uk', start: 7, end: 13 },
          { type: 'phone', value: '+447911123456', start: 42, end: 57 },
        ],
      },
    });
    return { itemId: id, postId };
  }

  it('carries text, summary and cues in words, validates against the schema its $schema URL serves, and keeps the reply’s ticket', async () => {
    const { itemId, postId } = await confirmedPost();
    await enqueue(h.rt.queues, 'refer', { postId, decisionId: `d-${itemId}` });
    const referral = await until(() => h.db.prisma.referral.findFirst({ where: { postId, status: 'sent' } }));
    // The webhook reply's ticketId is stored at delivery: the platform need not send it again.
    expect(referral.ticketId).toBe(`TICKET-${fake.notices.size}`);

    const notice = fake.notices.get(referral.idempotencyKey) as ReceivedNotice;
    expect(notice.content.text).toBe(text);
    expect(notice.summary).toMatch(
      /^Migrant-smuggling advert on tiktok offering irregular small-boat sea crossings \(destination UK, phone number \+447911123456\); confirmed by a human reviewer\./,
    );
    expect(notice.classification.cues.map((c) => c.text)).toEqual([
      'transport: “بلم” (boat (Iranian slang for an inflatable dinghy))',
      'destination: UK',
      'phone number: +447911123456',
    ]);
    expect(notice.classification.category).toBe('STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY');

    // $schema resolves: the API serves it there, without a key.
    const schemaUrl = new URL(notice.$schema);
    expect(notice.$schema).toBe(`${h.config.notice.publicUrl}/v1/schemas/notice/v1.json`);
    const res = await fetch(`${h.rt.apiUrl}${schemaUrl.pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const schema = (await res.json()) as { $id: string };
    expect(schema.$id).toBe(notice.$schema);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(notice), JSON.stringify(validate.errors)).toBe(true);
  });

  it('delivers nothing under the placeholder sender, naming the settings to change', async () => {
    const { postId } = await confirmedPost();
    const post = await h.db.prisma.post.findUniqueOrThrow({ where: { id: postId } });
    const r = await h.db.prisma.referral.create({ data: { postId, platformId: post.platformId, idempotencyKey: `manual-${postId}` } });
    const attempts = fake.attempts.length;
    const placeholder = {
      ...h.config,
      notice: { ...h.config.notice, notifierName: 'Tidewatch operator', notifierEmail: 'referrals@tidewatch.invalid' },
    };
    const err = await deliverReferral(h.db, placeholder, r.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).permanent).toBe(true);
    expect((err as Error).message).toMatch(/NOTIFIER_NAME .*NOTIFIER_EMAIL/);
    expect(fake.attempts.length).toBe(attempts);
    expect(await h.db.prisma.referral.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: 'queued', sentAt: null });

    // A worker that would deliver refuses to start at all.
    const worker = await runCli(
      ['worker', '--queues', 'refer'],
      {
        DATABASE_URL: h.databaseUrl,
        REDIS_URL: h.config.redisUrl,
        QUEUE_PREFIX: h.config.queuePrefix,
        NOTIFIER_NAME: 'Tidewatch operator',
        NOTIFIER_EMAIL: 'referrals@tidewatch.invalid',
      },
      { timeoutMs: 60_000 },
    );
    expect(worker.code).toBe(1);
    expect(worker.stderr).toContain('NOTIFIER_NAME');
    expect(worker.stderr).toContain('NOTIFIER_EMAIL');
  });
});
