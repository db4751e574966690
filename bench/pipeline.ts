/**
 * Pipeline throughput on this machine: (a) bare BullMQ add + process of no-op jobs, the ceiling;
 * (b) the full pipeline, ingest → classify → persist → route, for N multilingual posts; (c) b ÷ a.
 * Uses its own database and queue prefix and removes both. Prints a table; not a test.
 *
 *   npx tsx bench/pipeline.ts [--posts 20000]
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import { loadConfig } from '../core/config.ts';
import { withDatabase } from '../core/db/url.ts';
import { createLogger } from '../core/logger.ts';
import type { PostInput } from '../core/post-input.ts';
import { startRuntime } from '../core/runtime.ts';
import { waitForDrain } from '../workers/drain.ts';
import { enqueuePosts } from '../workers/enqueue-posts.ts';
import { createRedis, dropQueuePrefix, QUEUE_NAMES } from '../workers/queues.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const argN = process.argv.indexOf('--posts');
const N = argN > 0 ? Number(process.argv[argN + 1]) : 20_000;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}

/** (a) no-op jobs added in bulk and processed with the same concurrency the pipeline uses. */
async function bullmqCeiling(jobs: number): Promise<number> {
  const prefix = `bench-ceiling-${randomBytes(3).toString('hex')}`;
  const connection = createRedis(REDIS_URL);
  const queue = new Queue('noop', { connection, prefix });
  let done = 0;
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker('noop', async () => undefined, { connection: createRedis(REDIS_URL), prefix, concurrency: 8 });
    worker.on('completed', () => {
      if (++done === jobs) void worker.close().then(() => resolve());
    });
  });
  const t0 = performance.now();
  for (let i = 0; i < jobs; i += 1_000) {
    await queue.addBulk(Array.from({ length: Math.min(1_000, jobs - i) }, (_, k) => ({ name: 'noop', data: { i: i + k }, opts: { removeOnComplete: true } })));
  }
  await finished;
  const rate = jobs / ((performance.now() - t0) / 1_000);
  await queue.close();
  connection.disconnect();
  await dropQueuePrefix(REDIS_URL, prefix);
  return rate;
}

function corpusPosts(n: number): PostInput[] {
  const dir = path.resolve(import.meta.dirname, '../samples/corpus');
  const rows = ['train', 'validation', 'test'].flatMap((s) =>
    readFileSync(path.join(dir, `${s}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; lang: string; platform: string }),
  );
  const platforms = ['facebook', 'instagram', 'tiktok', 'telegram', 'x', 'youtube', 'snapchat'];
  // Distinct texts: each copy gets a serial so content de-duplication does not short-circuit the work.
  return Array.from({ length: n }, (_, i) => {
    const r = rows[i % rows.length]!;
    return {
      platform: platforms[i % platforms.length]!,
      platformPostId: `bench-${i}`,
      url: `https://example.org/p/${i}`,
      text: `${r.text} #${i}`,
      lang: i % 3 === 0 ? null : r.lang,
    };
  });
}

async function fullPipeline(n: number): Promise<{ rate: number; seconds: number }> {
  const suffix = randomBytes(4).toString('hex');
  const db = `tw_bench_${suffix}`;
  await admin(`CREATE DATABASE ${db}`);
  const config = loadConfig({ DATABASE_URL: withDatabase(ADMIN_URL, db), REDIS_URL, QUEUE_PREFIX: `bench-${suffix}`, LOG_LEVEL: 'warn', API_PORT: '0' });
  const rt = await startRuntime(config, createLogger('warn'), { workers: QUEUE_NAMES });
  try {
    await rt.pipeline.detector(); // model load is reported by bench:classify, not here
    const posts = corpusPosts(n);
    const t0 = performance.now();
    await enqueuePosts(rt.queues, posts);
    await waitForDrain(rt.queues, {
      done: async () => (await rt.database.db.post.count({ where: { outcome: { not: 'pending' } } })) === n,
      intervalMs: 250,
      timeoutMs: 30 * 60_000,
    });
    const seconds = (performance.now() - t0) / 1_000;
    // Where the time went: mean processing time per job, per stage.
    for (const name of ['ingest', 'classify'] as const) {
      const jobs = await rt.queues[name].getCompleted(0, 10_000);
      const ms = jobs.map((j) => (j.finishedOn ?? 0) - (j.processedOn ?? 0));
      const mean = ms.reduce((a, b) => a + b, 0) / Math.max(ms.length, 1);
      console.log(`  ${name}: ${jobs.length} jobs, mean ${mean.toFixed(0)} ms per job`);
    }
    return { rate: n / seconds, seconds };
  } finally {
    await rt.close();
    await dropQueuePrefix(REDIS_URL, config.queuePrefix);
    await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}

const ceiling = await bullmqCeiling(Math.max(N, 20_000));
const pipeline = await fullPipeline(N);
const rows = [
  ['(a) BullMQ ceiling, no-op jobs/s', ceiling.toFixed(0)],
  [`(b) pipeline posts/s (${N} posts, ${pipeline.seconds.toFixed(1)} s)`, pipeline.rate.toFixed(0)],
  ['(c) ratio b ÷ a', (pipeline.rate / ceiling).toFixed(2)],
  ['peak RSS of this process (workers + producer), MB', (process.resourceUsage().maxRSS / 1024).toFixed(0)],
];
for (const [k, v] of rows) console.log(`${k!.padEnd(58)} ${v!.padStart(8)}`);
