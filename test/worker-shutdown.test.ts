import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeQueues, createRedis, openQueues } from '../workers/queues.ts';
import { enqueuePosts } from '../workers/enqueue-posts.ts';
import { ROOT } from './cli.ts';
import { makePost } from './harness.ts';
import { isolate, type Isolated } from './isolation.ts';

describe('tidewatch worker', () => {
  let iso: Isolated;
  beforeAll(async () => {
    iso = await isolate();
  });
  afterAll(async () => iso?.cleanup());

  it('processes jobs, and on SIGTERM stops taking jobs, closes connections and exits 0', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/tidewatch.mjs'), 'worker', '--queues', 'ingest,classify'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: iso.databaseUrl, REDIS_URL: iso.config.redisUrl, QUEUE_PREFIX: iso.config.queuePrefix, LOG_LEVEL: 'info' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 300 && !out.includes('workers running'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain('workers running');

    const redis = createRedis(iso.config.redisUrl);
    const queues = openQueues(redis, iso.config.queuePrefix);
    try {
      await enqueuePosts(queues, [makePost('Boat to UK, 1500€, WhatsApp'), makePost('Sunny in Dover')]);
      for (let i = 0; i < 300 && (await iso.db.post.count({ where: { outcome: { not: 'pending' } } })) < 2; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await iso.db.post.count({ where: { outcome: { not: 'pending' } } })).toBe(2);
      const workerClients = async () => ((await redis.client('LIST')) as string).split('\n').filter((l) => l.includes(`name=${iso.config.queuePrefix}:worker:`));
      expect((await workerClients()).length).toBeGreaterThanOrEqual(2);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('shutting down');
      expect(await queues.ingest.getActiveCount()).toBe(0);
      expect(await queues.classify.getActiveCount()).toBe(0);
      expect(await workerClients()).toEqual([]);
    } finally {
      await closeQueues(queues);
      redis.disconnect();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
