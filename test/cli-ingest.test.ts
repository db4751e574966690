import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, openQueues, closeQueues, type Queues } from '../workers/queues.ts';
import { runCli } from './cli.ts';
import { isolate, type Isolated } from './isolation.ts';

describe('tidewatch ingest FILE', () => {
  let iso: Isolated;
  let dir: string;
  let queues: Queues;
  let redis: ReturnType<typeof createRedis>;
  beforeAll(async () => {
    iso = await isolate();
    dir = await mkdtemp(path.join(tmpdir(), 'tw-ingest-'));
    redis = createRedis(iso.config.redisUrl);
    queues = openQueues(redis, iso.config.queuePrefix);
  });
  afterAll(async () => {
    await closeQueues(queues);
    redis.disconnect();
    await rm(dir, { recursive: true, force: true });
    await iso.cleanup();
  });

  const env = () => ({ DATABASE_URL: iso.databaseUrl, REDIS_URL: iso.config.redisUrl, QUEUE_PREFIX: iso.config.queuePrefix });

  it('queues the good records of a CSV and names the line and field of each bad one', async () => {
    const file = path.join(dir, 'posts.csv');
    await writeFile(
      file,
      [
        'platform,platformPostId,url,text,lang',
        'telegram,1,https://t.me/c/1,"Boat to UK, 1500€",en',
        'myspace,2,https://myspace.com/2,hello,en',
        'telegram,3,https://t.me/c/3',
        'telegram,4,https://t.me/c/4,"   ",en',
        'x,5,https://x.com/a/status/5,Lorry to England,en',
        '',
      ].join('\n'),
    );
    const res = await runCli(['ingest', file], env());
    expect(res.stderr).not.toMatch(/Error:/);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('queued 2 posts (2 distinct)');
    expect(res.stdout).toContain('line 3, field platform: unknown platform "myspace"');
    expect(res.stdout).toMatch(/line 4, field \(row\): .+/);
    expect(res.stdout).toContain('line 5, field text: must not be empty or whitespace only');
    const jobs = await queues.ingest.getWaiting();
    expect(jobs.flatMap((j) => j.data.posts.map((p) => p.platformPostId)).sort()).toEqual(['1', '5']);
  });

  it('exits 0 on a clean JSONL file and 2 on a missing one', async () => {
    const file = path.join(dir, 'posts.jsonl');
    await writeFile(file, `${JSON.stringify({ platform: 'x', platformPostId: '9', url: 'https://x.com/a/status/9', text: 'boat' })}\n`);
    const ok = await runCli(['ingest', file], env());
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('queued 1 posts');
    const missing = await runCli(['ingest', path.join(dir, 'nope.jsonl')], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});
