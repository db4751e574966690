/**
 * `npm run demo -- --once`, run as a new user would: against the project's sample posts, and with
 * laptop defaults (no REDIS_URL: a private redis-server; no DATABASE_URL: the embedded PostgreSQL).
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli.ts';
import { isolate, type Isolated } from './isolation.ts';

describe('tidewatch demo --once', () => {
  let iso: Isolated;
  let dir: string;
  beforeAll(async () => {
    iso = await isolate();
    dir = await mkdtemp(path.join(tmpdir(), 'tw-demo-'));
    await chmod(dir, 0o755); // as root the embedded server runs as `postgres`, which must reach it
  });
  afterAll(async () => {
    await iso.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the sample posts through the pipeline and prints the summary', async () => {
    const res = await runCli(['demo', '--once'], {
      DATABASE_URL: iso.databaseUrl,
      REDIS_URL: iso.config.redisUrl,
      QUEUE_PREFIX: iso.config.queuePrefix,
      API_PORT: '0',
    });
    expect(res.stderr).not.toMatch(/Error/);
    expect(res.code).toBe(0);
    const lines = (await readFile(path.join(ROOT, 'samples/posts.jsonl'), 'utf8')).trim().split('\n');
    expect(res.stdout).toContain(`queued ${lines.length} posts`);
    // The sample posts link to real sites: nothing fetches them in the demo unless asked.
    expect(res.stdout).toMatch(/evidence capture: off, liveness checks: off \(off in the demo/);
    expect(res.stdout).toMatch(/by outcome:\n(\s+(referral_candidate|review|dismissed|duplicate)\s+\d+\n){3,4}/);
    expect(res.stdout).toMatch(/by language:/);
    expect(res.stdout).toMatch(/by platform:/);
    expect(res.stdout).toMatch(/top referral candidates:\n\s+1\. score \d\.\d{3}/);
    expect(await iso.db.prisma.post.count()).toBe(lines.length);
    expect(await iso.db.prisma.post.count({ where: { outcome: 'pending' } })).toBe(0);
    expect(await iso.db.prisma.post.count({ where: { outcome: 'duplicate' } })).toBeGreaterThanOrEqual(1);
    expect(await iso.db.prisma.classification.count()).toBe(await iso.db.prisma.post.count({ where: { outcome: { not: 'duplicate' } } }));
  });

  it('needs no REDIS_URL or DATABASE_URL: starts a private Redis and an embedded Postgres', async () => {
    const file = path.join(dir, 'few.jsonl');
    const posts = [
      {
        platform: 'facebook',
        platformPostId: 'e1',
        url: 'https://facebook.com/e1',
        text: 'Boat to UK this week, 100% guaranteed, 1500€, WhatsApp +44 7911 123456',
      },
      {
        platform: 'x',
        platformPostId: 'e2',
        url: 'https://x.com/a/status/e2',
        text: 'Coastguard rescued 40 people off Calais today; smugglers arrested.',
      },
    ];
    await writeFile(file, posts.map((p) => JSON.stringify(p)).join('\n'));
    const res = await runCli(
      ['demo', '--once', '--file', file],
      { DATA_DIR: path.join(dir, 'data'), API_PORT: '0' },
      { timeoutMs: 280_000 },
    );
    expect(res.stderr).not.toMatch(/Error/);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/redis: private redis-server at redis:\/\/127\.0\.0\.1:\d+/);
    expect(res.stdout).toContain(`database: embedded PostgreSQL in ${path.join(dir, 'data')}`);
    expect(res.stdout).toMatch(/2 posts\nby outcome:/);
  }, 300_000);
});
