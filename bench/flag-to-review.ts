/**
 * (g) Flag to review: posts that the detector routes to review are sent to `POST /v1/posts` at a
 * steady offered rate (batches of `batch`, open loop), while bench/review-tail.ts follows
 * `GET /v1/review/items`; each post's figure is the time from its 202 to the first listing page
 * holding its item. The poll adds on average about half its cycle to each figure (an item becomes
 * visible at a uniformly random moment between two polls) and up to a whole cycle.
 */
import type { PostInput } from '../core/post-input.ts';
import type { LatencyEnv, Measured } from './latency-env.ts';
import { paced, percentile, type PacedResult } from './paced.ts';
import { ReviewTail, type TailStats } from './review-tail.ts';

export interface FlagToReviewOptions {
  /** Posts per second offered. */
  rate: number;
  seconds: number;
  /** Posts per request. */
  batch: number;
  /** Poll cycle of the listing, ms. */
  pollMs: number;
}

export interface FlagToReviewResult extends FlagToReviewOptions {
  offered: number;
  accepted: number;
  /** Requests answered other than 202 (their posts are offered, not accepted). */
  failedRequests: number;
  /** Accepted posts per outcome. */
  outcomes: Record<string, number>;
  /** Accepted posts with a review item, and how many of those the tail saw. */
  withItem: number;
  seen: number;
  /** Items the tail never saw (committed behind its anchor): not in the percentiles. */
  missedByTail: number;
  /** 202 → first seen in the listing, ms. */
  p50Ms: number | undefined;
  p99Ms: number | undefined;
  maxMs: number | undefined;
  /** Request sent → first seen, ms (adds the API's answer time). */
  p99FromSentMs: number | undefined;
  /** POST /v1/posts answer time, ms. */
  acceptP50Ms: number | undefined;
  acceptP99Ms: number | undefined;
  send: PacedResult;
  tail: TailStats;
  /** Seconds from the last request sent until every accepted post was routed. */
  drainSeconds: number;
  measured: Measured;
}

const PLATFORMS = ['facebook', 'instagram', 'tiktok', 'telegram', 'x', 'youtube', 'snapchat'];
/**
 * How far behind the newest item read the tail's anchor stays (review-tail.ts): an item's
 * createdAt is taken before its classify transaction commits, and at 300 ms the tail missed 1.8 %
 * of the items of a run under load.
 */
const TAIL_LAG_MS = 2_000;

export async function measureFlagToReview(env: LatencyEnv, o: FlagToReviewOptions): Promise<FlagToReviewResult> {
  const idPrefix = `g${env.run}-`;
  const offered = o.rate * o.seconds;
  const requests = Math.ceil(offered / o.batch);
  const post = (n: number): PostInput => {
    const t = env.reviewTexts[n % env.reviewTexts.length]!;
    return {
      platform: PLATFORMS[n % PLATFORMS.length]!,
      platformPostId: `${idPrefix}${n}`,
      url: `https://example.org/p/${idPrefix}${n}`,
      text: `${t.text} #${idPrefix}${n}`,
      lang: t.lang ?? null,
    };
  };
  const times = new Map<string, { sent: number; accepted: number }>();
  const answerMs: number[] = [];
  let failedRequests = 0;

  const tail = new ReviewTail({ base: env.base, key: env.keys.analyst, intervalMs: o.pollMs, lagMs: TAIL_LAG_MS });
  // Past the warm-up's items, so the tail's pages start at this run's.
  await new Promise((r) => setTimeout(r, TAIL_LAG_MS));
  await tail.poll();
  await tail.poll();
  const stop = await env.startMeasuring();
  const stopAnalyzing = await env.analyzeWhileRunning();
  tail.start();
  const send = await paced(o.rate / o.batch, requests, async (i) => {
    const posts = Array.from({ length: Math.min(o.batch, offered - i * o.batch) }, (_, k) => post(i * o.batch + k));
    const sent = performance.now();
    try {
      const r = await env.postPosts(posts);
      const accepted = performance.now();
      answerMs.push(accepted - sent);
      if (r.status !== 202) failedRequests++;
      for (const a of r.accepted) times.set(a.id, { sent, accepted });
    } catch (err) {
      failedRequests++;
      if (failedRequests <= 3) console.error(`(g) POST /v1/posts: ${(err as Error).message}`);
    }
  });
  const sentAll = performance.now();
  await env.drained(idPrefix, times.size, 15 * 60_000);
  const drainSeconds = (performance.now() - sentAll) / 1_000;
  const withItem = (
    await env.sql.query<{ id: string }>(
      `SELECT p.id::text AS id FROM "Post" p JOIN "ReviewItem" r ON r."postId" = p.id WHERE p."platformPostId" LIKE $1`,
      [`${idPrefix}%`],
    )
  ).rows.map((r) => r.id);
  // Everything is routed: a few more polls find what is left, unless the tail missed it.
  const deadline = performance.now() + Math.max(3_000, 10 * o.pollMs);
  while (performance.now() < deadline && withItem.some((id) => !tail.seenAt.has(id))) await new Promise((r) => setTimeout(r, o.pollMs));
  const tailStats = await tail.stop();
  stopAnalyzing();
  const measured = await stop();

  const outcomes = Object.fromEntries(
    (
      await env.sql.query<{ outcome: string; n: string }>(
        `SELECT outcome, count(*) AS n FROM "Post" WHERE "platformPostId" LIKE $1 GROUP BY 1 ORDER BY 1`,
        [`${idPrefix}%`],
      )
    ).rows.map((r) => [r.outcome, Number(r.n)]),
  );
  const fromAccepted: number[] = [];
  const fromSent: number[] = [];
  let missedByTail = 0;
  for (const id of withItem) {
    const seen = tail.seenAt.get(id);
    const t = times.get(id);
    if (seen === undefined || !t) {
      missedByTail++;
      continue;
    }
    fromAccepted.push(seen - t.accepted);
    fromSent.push(seen - t.sent);
  }
  return {
    ...o,
    offered,
    accepted: times.size,
    failedRequests,
    outcomes,
    withItem: withItem.length,
    seen: fromAccepted.length,
    missedByTail,
    p50Ms: percentile(fromAccepted, 50),
    p99Ms: percentile(fromAccepted, 99),
    maxMs: percentile(fromAccepted, 100),
    p99FromSentMs: percentile(fromSent, 99),
    acceptP50Ms: percentile(answerMs, 50),
    acceptP99Ms: percentile(answerMs, 99),
    send,
    tail: tailStats,
    drainSeconds,
    measured,
  };
}
