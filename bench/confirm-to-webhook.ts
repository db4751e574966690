/**
 * (h) Confirm to webhook: a reviewer key claims the next open item of the webhook platform
 * (`POST /v1/review/next`) and confirms it (`POST /v1/review/items/{id}/decision`), at a steady
 * rate, open loop; each figure is the time from sending the confirm to the notice arriving,
 * verified, at the fake platform (test/fake-platform.ts, in this process, so one clock). The claim
 * is not timed. Evidence capture off, REVIEW_UNDO_SECONDS=0 (bench/latency.ts).
 */
import type { PostInput } from '../core/post-input.ts';
import type { LatencyEnv, Measured } from './latency-env.ts';
import { paced, percentile, type PacedResult } from './paced.ts';
import { until } from './bench-env.ts';

/** The platform whose deliveries go to the fake platform's webhook (bench/latency.ts sets it up). */
export const WEBHOOK_PLATFORM = 'tiktok';

export interface ConfirmToWebhookOptions {
  /** Confirms per second. */
  rate: number;
  seconds: number;
}

export interface ConfirmToWebhookResult extends ConfirmToWebhookOptions {
  /** Confirms attempted, answered 200, and notices that arrived for them. */
  confirms: number;
  confirmed: number;
  delivered: number;
  /** Claims that found no item, or failed requests. */
  failed: number;
  /** Confirm sent → webhook arrived, ms. */
  p50Ms: number | undefined;
  p99Ms: number | undefined;
  maxMs: number | undefined;
  /** The confirm request's answer time, ms. */
  confirmP50Ms: number | undefined;
  confirmP99Ms: number | undefined;
  send: PacedResult;
  measured: Measured;
}

async function openItems(env: LatencyEnv): Promise<number> {
  const { rows } = await env.sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM "ReviewItem" r JOIN "Platform" pl ON pl.id = r."platformId" WHERE pl.name = $1 AND r.status = 'open'`,
    [WEBHOOK_PLATFORM],
  );
  return Number(rows[0]!.n);
}

/** Enough open items on the webhook platform (after (g) there usually are). */
async function ensureItems(env: LatencyEnv, need: number): Promise<void> {
  const have = await openItems(env);
  if (have >= need) return;
  const idPrefix = `h${env.run}-`;
  const n = Math.ceil((need - have) * 1.2) + 20;
  const posts: PostInput[] = Array.from({ length: n }, (_, i) => {
    const t = env.reviewTexts[i % env.reviewTexts.length]!;
    return {
      platform: WEBHOOK_PLATFORM,
      platformPostId: `${idPrefix}${i}`,
      url: `https://example.org/p/${idPrefix}${i}`,
      text: `${t.text} #${idPrefix}${i}`,
      lang: t.lang ?? null,
    };
  });
  for (let i = 0; i < n; i += 1_000) {
    const r = await env.postPosts(posts.slice(i, i + 1_000));
    if (r.status !== 202) throw new Error(`(h) POST /v1/posts: ${r.status}`);
  }
  await env.drained(idPrefix, n, 600_000);
  const now = await openItems(env);
  if (now < need) throw new Error(`(h) only ${now} open ${WEBHOOK_PLATFORM} items for ${need} confirms`);
}

export async function measureConfirmToWebhook(env: LatencyEnv, o: ConfirmToWebhookOptions): Promise<ConfirmToWebhookResult> {
  const confirms = o.rate * o.seconds;
  await ensureItems(env, confirms);
  const auth = { authorization: `Bearer ${env.keys.reviewer}`, 'content-type': 'application/json' };
  const sentAt = new Map<string, number>();
  const answerMs: number[] = [];
  let failed = 0;
  const fail = (what: string) => {
    failed++;
    if (failed <= 3) console.error(`(h) ${what}`);
  };

  const stop = await env.startMeasuring();
  const send = await paced(o.rate, confirms, async () => {
    try {
      const claim = await fetch(`${env.base}/v1/review/next`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ platform: WEBHOOK_PLATFORM }),
      });
      if (claim.status !== 200) return fail(`POST /v1/review/next: ${claim.status} ${await claim.text()}`);
      const { id, item } = (await claim.json()) as { id: string; item: { post: { id: string } } };
      const sent = performance.now();
      const res = await fetch(`${env.base}/v1/review/items/${id}/decision`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ action: 'confirm', reasonCode: 'smuggling_offer' }),
      });
      answerMs.push(performance.now() - sent);
      if (res.status !== 200) return fail(`POST /v1/review/items/${id}/decision: ${res.status} ${await res.text()}`);
      await res.body?.cancel();
      sentAt.set(item.post.id, sent);
    } catch (err) {
      fail((err as Error).message);
    }
  });
  // The webhook-id is the referral's key, `<platform id>:<post id>` (referrals/create-referral.ts).
  const arrivals = () => new Map([...env.fake.receivedAt].map(([webhookId, at]) => [webhookId.split(':')[1]!, at]));
  await until(
    () => {
      const got = arrivals();
      return [...sentAt.keys()].every((id) => got.has(id));
    },
    'every confirmed item’s webhook',
    120_000,
    50,
    env.processes,
  ).catch((err: Error) => console.error(`(h) ${err.message}`));
  const measured = await stop();

  const got = arrivals();
  const ms = [...sentAt].flatMap(([id, sent]) => (got.has(id) ? [got.get(id)! - sent] : []));
  return {
    ...o,
    confirms,
    confirmed: sentAt.size,
    delivered: ms.length,
    failed,
    p50Ms: percentile(ms, 50),
    p99Ms: percentile(ms, 99),
    maxMs: percentile(ms, 100),
    confirmP50Ms: percentile(answerMs, 50),
    confirmP99Ms: percentile(answerMs, 99),
    send,
    measured,
  };
}
