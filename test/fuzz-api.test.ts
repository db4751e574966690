/**
 * Bad-input fuzzing (issue #7.5): thousands of generated malformed requests against ingest, review
 * and platform-callback routes, in process against the real app with its own database and Redis.
 * Every answer must be a 4xx whose JSON error names the problem (the field, header or parameter);
 * nothing may crash, reject unhandled, or be written.
 */
import fc from 'fast-check';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import { checkedApp } from './openapi-contract.ts';
import { createLogger } from '../core/logger.ts';
import { upsertPlatform } from '../referrals/platforms.ts';
import { generateSigningSecret } from '../referrals/secrets.ts';
import type { FuzzCase } from './fuzz/arbitraries.ts';
import { platformCases } from './fuzz/platform-cases.ts';
import { postsCases } from './fuzz/posts-cases.ts';
import { reviewCases } from './fuzz/review-cases.ts';
import { startHarness, type Harness } from './harness.ts';
import { seedSentReferrals } from './platform-fixtures.ts';
import { seedReviewItems } from './review-fixtures.ts';

/** Runs per route group; 5,400 requests in all, before any shrinking. */
const RUNS = { posts: 2_000, review: 1_800, platform: 1_600 };
const NO_LIMIT = '100000000';
/** Requests in flight at once: the database round trip of each key check dominates, so overlap them. */
const PARALLEL = 8;

describe('API fuzzing with malformed requests', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  const errorLogs: string[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let sent = 0;
  let keys: Record<'ingest' | 'reviewer' | 'lead' | 'analyst' | 'admin' | 'platform', string>;
  let itemIds: string[];
  let referralIds: string[];
  const secret = generateSigningSecret();

  beforeAll(async () => {
    const limits = Object.fromEntries(
      ['ADMIN', 'LEAD', 'REVIEWER', 'ANALYST', 'PLATFORM', 'INGEST', 'ANONYMOUS', 'SIGN_IN_FAILURES'].map((r) => [
        `RATE_LIMIT_${r}`,
        NO_LIMIT,
      ]),
    );
    h = await startHarness({ api: false }, limits);
    const sink = new Writable({
      write(chunk, _enc, done) {
        errorLogs.push(String(chunk));
        done();
      },
    });
    app = checkedApp(createApp({ ...h.rt.pipeline, redis: h.rt.redis, log: createLogger('error', 'fuzz', sink) }));
    await upsertPlatform(h.db, 'tiktok', { signingSecret: secret }, undefined, false);
    keys = {
      ingest: await h.key('ingest'),
      reviewer: await h.key('reviewer'),
      lead: await h.key('lead'),
      analyst: await h.key('analyst'),
      admin: await h.key('admin'),
      platform: await h.key('platform', { platform: 'tiktok' }),
    };
    itemIds = (
      await seedReviewItems(
        h.db,
        Array.from({ length: 4 }, () => ({})),
      )
    ).map((i) => i.id);
    referralIds = await seedSentReferrals(h.db, 'tiktok', 3);
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    console.log(`fuzz-api: ${sent} malformed requests sent`);
    await h?.close();
  });

  /** Everything a malformed request could have written. */
  async function snapshot() {
    const [posts, decisions, audit, items, referrals, ingestJobs, seen] = await Promise.all([
      h.db.prisma.post.count(),
      h.db.prisma.decision.count(),
      h.db.prisma.auditEvent.count(),
      h.db.prisma.reviewItem.findMany({ select: { id: true, status: true, claimedBy: true }, orderBy: { id: 'asc' } }),
      h.db.prisma.referral.findMany({ select: { id: true, status: true, ticketId: true, outcome: true }, orderBy: { id: 'asc' } }),
      h.rt.queues.ingest.count(),
      h.rt.redis.keys(`${h.config.queuePrefix}:webhook-seen:*`),
    ]);
    return { posts, decisions, audit, items, referrals, ingestJobs, seen };
  }

  /** Sends one case and checks the answer; throws (for fast-check to shrink) on any violation. */
  async function check(c: FuzzCase): Promise<void> {
    sent += 1;
    const res = await app.request(c.path, { method: c.method, headers: c.headers, ...(c.body === undefined ? {} : { body: c.body }) });
    const text = await res.text();
    const where = `${c.kind}: ${c.method} ${c.path.slice(0, 120)} → ${res.status} ${text.slice(0, 300)}`;
    if (res.status < 400 || res.status >= 500) throw new Error(`expected a 4xx — ${where}`);
    if (!(res.headers.get('content-type') ?? '').includes('application/json')) throw new Error(`4xx body is not JSON — ${where}`);
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string' || !body.error.message)
      throw new Error(`4xx without { error: { code, message } } — ${where}`);
    const message = body.error.message.toLowerCase();
    if (!c.names.some((n) => message.includes(n.toLowerCase())))
      throw new Error(`message names none of ${JSON.stringify(c.names)} — ${where}`);
  }

  /** `requests` cases, sent PARALLEL at a time (each property run is one concurrent batch; a failing batch still shrinks). */
  const run = (arb: fc.Arbitrary<FuzzCase>, requests: number) =>
    fc.assert(
      fc.asyncProperty(fc.array(arb, { minLength: PARALLEL, maxLength: PARALLEL }), async (cases) => {
        await Promise.all(cases.map(check));
      }),
      { numRuns: Math.ceil(requests / PARALLEL) },
    );

  it('answers every malformed request with a 4xx naming the problem, writes nothing and crashes nowhere', async () => {
    const before = await snapshot();
    const started = performance.now();

    await run(postsCases(keys), RUNS.posts);
    await run(reviewCases(keys, itemIds), RUNS.review);
    await run(
      platformCases({ platformKey: keys.platform, adminKey: keys.admin, reviewerKey: keys.reviewer, secret, referralIds }),
      RUNS.platform,
    );

    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz-api: ${sent} requests in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s)`);
    expect(sent).toBeGreaterThanOrEqual(5_000);
    expect(await snapshot()).toEqual(before);
    expect(errorLogs).toEqual([]);
    // Give stray promises a turn to reject before looking.
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toEqual([]);
    // Prototype-pollution keys in bodies polluted nothing.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
