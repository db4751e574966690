import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, openQueues, closeQueues, type Queues } from '../core/queues.ts';
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

  it('names the line and field of a NUL character (JSONL escape or raw CSV byte) and queues the rest', async () => {
    const rec = (id: string, over: Record<string, string> = {}) =>
      JSON.stringify({ platform: 'x', platformPostId: id, url: `https://x.com/a/status/${id}`, text: `boat ${id}`, ...over });
    const jsonl = path.join(dir, 'nul.jsonl');
    await writeFile(jsonl, [rec('n1'), rec('n2', { text: 'x\u0000y' }), rec('n3', { author: 'a\u0000' }), rec('n4')].join('\n'));
    const res = await runCli(['ingest', jsonl], env());
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('queued 2 posts');
    expect(res.stdout).toContain('line 2, field text: must not contain a NUL character');
    expect(res.stdout).toContain('line 3, field author: must not contain a NUL character');

    const csv = path.join(dir, 'nul.csv');
    await writeFile(
      csv,
      Buffer.concat([
        Buffer.from('platform,platformPostId,url,text\nx,c1,https://x.com/a/status/c1,boat\nx,c2,https://x.com/a/status/c2,bo'),
        Buffer.from([0]),
        Buffer.from('at\n'),
      ]),
    );
    const fromCsv = await runCli(['ingest', csv], env());
    expect(fromCsv.code).toBe(1);
    expect(fromCsv.stdout).toContain('queued 1 posts');
    expect(fromCsv.stdout).toContain('line 3, field text: must not contain a NUL character');
    const jobs = await queues.ingest.getWaiting();
    const queued = jobs.flatMap((j) => j.data.posts.map((p) => p.platformPostId));
    expect(queued).toEqual(expect.arrayContaining(['n1', 'n4', 'c1']));
    expect(queued.filter((id) => ['n2', 'n3', 'c2'].includes(id))).toEqual([]);
  });
});
