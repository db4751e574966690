/**
 * Graceful shutdown of the real `tidewatch worker` and `tidewatch api` processes (issue #7.6):
 * SIGTERM stops taking work, lets what is in flight finish (or hands it back to the queue), closes
 * connections and exits 0.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../api/auth/keys.ts';
import { createLogger } from '../core/logger.ts';
import { startRuntime } from '../cli/runtime.ts';
import { waitForDrain } from '../workers/drain.ts';
import { closeQueues, createRedis, openQueues, type Queues } from '../core/queues.ts';
import { enqueuePosts } from '../core/jobs.ts';
import { ROOT } from './cli.ts';
import { makePost } from './harness.ts';
import { isolate, type Isolated } from './isolation.ts';
import { netGuardEnv } from './net-guard.mjs';

/** Starts `tidewatch <args>` against the isolated services; resolves once `ready` is logged. */
async function start(iso: Isolated, args: string[], ready: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/tidewatch.mjs'), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: iso.databaseUrl,
      REDIS_URL: iso.config.redisUrl,
      QUEUE_PREFIX: iso.config.queuePrefix,
      LOG_LEVEL: 'info',
      ...netGuardEnv(),
      ...env,
    },
  });
  const proc = { child, out: '', exited: new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))) };
  child.stdout.on('data', (d) => (proc.out += d));
  child.stderr.on('data', (d) => (proc.out += d));
  // Generous: starting tsx and loading the CLI takes 10–30 s when two cores are shared with other work.
  for (let i = 0; i < 1_200 && !proc.out.includes(ready) && proc.child.exitCode === null; i++) await sleep(100);
  expect(proc.out).toContain(ready);
  return proc;
}

/** The time the process logged `msg` (pino's `time`, ms since the epoch). */
function loggedAt(out: string, msg: string): number {
  const line = out.split('\n').find((l) => l.includes(`"msg":"${msg}"`));
  return (JSON.parse(line!) as { time: number }).time;
}

const clientsNamed = async (redis: ReturnType<typeof createRedis>, prefix: string) =>
  ((await redis.client('LIST')) as string).split('\n').filter((l) => l.includes(`name=${prefix}`));

const kill = (child: ChildProcess) => child.exitCode === null && child.kill('SIGKILL');

describe('tidewatch worker', () => {
  let iso: Isolated;
  let redis: ReturnType<typeof createRedis>;
  let queues: Queues;
  beforeAll(async () => {
    iso = await isolate();
    redis = createRedis(iso.config.redisUrl);
    queues = openQueues(redis, iso.config.queuePrefix);
  });
  afterAll(async () => {
    await closeQueues(queues);
    redis?.disconnect();
    await iso?.cleanup();
  });

  it('processes jobs, and on SIGTERM mid-work stops taking jobs, finishes or returns in-flight ones, closes connections and exits 0', async () => {
    const proc = await start(iso, ['worker', '--queues', 'ingest,classify'], 'workers running');
    try {
      await enqueuePosts(queues, [makePost('Boat to UK, 1500€, WhatsApp'), makePost('Sunny in Dover')]);
      for (let i = 0; i < 300 && (await iso.db.prisma.post.count({ where: { outcome: { not: 'pending' } } })) < 2; i++) await sleep(100);
      expect(await iso.db.prisma.post.count({ where: { outcome: { not: 'pending' } } })).toBe(2);
      expect((await clientsNamed(redis, `${iso.config.queuePrefix}:worker:`)).length).toBeGreaterThanOrEqual(2);

      // Enough work that some is in flight and some still waiting when the signal arrives.
      const batch = Array.from({ length: 5_000 }, (_, i) =>
        makePost(`Crossing ${i}: boat to UK this week, WhatsApp +44 7700 900${String(i % 1000).padStart(3, '0')}`),
      );
      const ingestJobs = await enqueuePosts(queues, batch);
      for (let i = 0; i < 500 && (await queues.ingest.getActiveCount()) === 0; i++) await sleep(10);
      expect(await queues.ingest.getActiveCount()).toBeGreaterThan(0);
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);

      const stoppedAt = loggedAt(proc.out, 'shutting down');
      for (const q of [queues.ingest, queues.classify]) {
        // Nothing left half-done: every job finished or is back in the queue, none failed.
        expect(await q.getActiveCount()).toBe(0);
        expect(await q.getFailedCount()).toBe(0);
        // No job was started after shutdown began.
        const done = await q.getCompleted(0, -1);
        expect(done.filter((j) => (j.processedOn ?? 0) > stoppedAt + 50)).toEqual([]);
      }
      const ingestCounts = await queues.ingest.getJobCounts('completed', 'waiting');
      expect(ingestCounts.completed! + ingestCounts.waiting!).toBe(ingestJobs + 1);
      expect(ingestCounts.waiting).toBeGreaterThan(0);
      expect(await clientsNamed(redis, `${iso.config.queuePrefix}:worker:`)).toEqual([]);
      expect(proc.out).not.toMatch(/"level":(50|60)/);

      // What was handed back is done by the next worker, each post exactly once.
      const rt = await startRuntime(iso.config, createLogger('silent'), { workers: ['ingest', 'classify'], migrate: false });
      try {
        await waitForDrain(rt.queues, {
          done: async () => (await iso.db.prisma.post.count({ where: { outcome: 'pending' } })) === 0,
          timeoutMs: 60_000,
        });
      } finally {
        await rt.close();
      }
      expect(await iso.db.prisma.post.count()).toBe(5_002);
      expect(await iso.db.prisma.classification.count()).toBe(5_002);
    } finally {
      kill(proc.child);
    }
  }, 300_000);
});

describe('tidewatch api', () => {
  let iso: Isolated;
  beforeAll(async () => {
    iso = await isolate();
  });
  afterAll(async () => iso?.cleanup());

  it('on SIGTERM refuses new connections, finishes the request in flight, closes idle and Redis connections and exits 0', async () => {
    const key = (await createApiKey(iso.db, { role: 'ingest', name: 'shutdown test', createdBy: 'test' })).key;
    const proc = await start(iso, ['api'], 'API listening', { API_PORT: '0' });
    const redis = createRedis(iso.config.redisUrl);
    const queues = openQueues(redis, iso.config.queuePrefix);
    const agent = new http.Agent({ keepAlive: true });
    try {
      const url = (JSON.parse(proc.out.split('\n').find((l) => l.includes('API listening'))!) as { url: string }).url;
      expect((await clientsNamed(redis, `${iso.config.queuePrefix}:api`)).length).toBe(1);

      // An idle keep-alive connection must not hold the process open.
      const idle = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http.get(`${url}/healthz`, { agent }, resolve).on('error', reject),
      );
      idle.resume();
      expect(idle.statusCode).toBe(200);
      const idleSocket = idle.socket;
      const idleClosed = new Promise<void>((resolve) => idleSocket.once('close', () => resolve()));

      // A request in flight: headers and half the body sent when the signal arrives.
      const body = JSON.stringify({ posts: [makePost('Lorry to UK, no papers needed, call now')] });
      const inFlight = http.request(`${url}/v1/posts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
        inFlight.on('response', (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        });
        inFlight.on('error', reject);
      });
      inFlight.write(body.slice(0, 20));
      await sleep(300);

      proc.child.kill('SIGTERM');
      for (let i = 0; i < 100 && !proc.out.includes('shutting down'); i++) await sleep(20);
      await sleep(100);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      await idleClosed;
      expect(proc.child.exitCode).toBeNull();

      inFlight.end(body.slice(20));
      const res = await answered;
      expect(res.status).toBe(202);
      expect(await proc.exited).toBe(0);
      // The accepted post was queued before the connections closed.
      expect(await queues.ingest.count()).toBe(1);
      expect(await clientsNamed(redis, `${iso.config.queuePrefix}:api`)).toEqual([]);
      expect(proc.out).not.toMatch(/"level":(50|60)/);
    } finally {
      agent.destroy();
      kill(proc.child);
      await closeQueues(queues);
      redis.disconnect();
    }
  }, 300_000);
});
