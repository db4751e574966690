/**
 * `tidewatch demo` (the live one, not --once) as a new user runs it: no DATABASE_URL (the embedded
 * PostgreSQL) and no REDIS_URL (a private redis-server), the printed URL and keys taken from its
 * output, every page opened through the sign-in form as a browser would, then commands run in a
 * second terminal against the running demo (keys, platforms, ingest), then Ctrl-C, leaving no server
 * process behind.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive } from '../core/process-alive.ts';
import { processesUsing, ROOT, runCli } from './cli.ts';
import { sql } from './services.ts';

const POSTS = [
  {
    platform: 'facebook',
    platformPostId: 'live1',
    url: 'https://facebook.com/live1',
    text: 'Boat to UK this week, 100% guaranteed, 1500€, WhatsApp +44 7911 123456',
  },
  {
    platform: 'facebook',
    platformPostId: 'live2',
    url: 'https://facebook.com/live2',
    text: 'Crossing to Italy by boat, safe trip, price 2000 euro, call +39 333 1234567',
  },
  {
    platform: 'x',
    platformPostId: 'live3',
    url: 'https://x.com/a/status/live3',
    text: 'Coastguard rescued 40 people off Calais today; smugglers arrested.',
  },
];

describe('tidewatch demo, live, on the embedded defaults', () => {
  let dir: string;
  let dataDir: string;
  let demo: ChildProcessWithoutNullStreams;
  let stdout = '';
  let stderr = '';
  const env = () => ({ DATA_DIR: dataDir, EVIDENCE_CAPTURE: 'off' });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tw-demo-live-'));
    await chmod(dir, 0o755); // as root the embedded server runs as `postgres`, which must reach it
    dataDir = path.join(dir, 'data');
    await writeFile(path.join(dir, 'posts.jsonl'), POSTS.map((p) => JSON.stringify(p)).join('\n'));
  });
  afterAll(async () => {
    // After a failure too: stop the demo as Ctrl-C would, and make sure its server is gone.
    if (demo && demo.exitCode === null) {
      demo.kill('SIGINT');
      const exited = new Promise((r) => demo.once('exit', r));
      if (!(await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 20_000))]))) demo.kill('SIGKILL');
    }
    const state = await readFile(path.join(dataDir, 'postgres/server.json'), 'utf8').then(
      (t) => JSON.parse(t) as { postmasterPid?: number },
      () => undefined,
    );
    if (state?.postmasterPid && alive(state.postmasterPid)) process.kill(state.postmasterPid, 'SIGINT');
    await rm(dir, { recursive: true, force: true });
  });

  it('serves every page and the review list, shares its database with the CLI, and stops cleanly', async () => {
    // Evidence capture off: the sample URLs are real platforms', and nothing here may fetch them.
    demo = spawn(process.execPath, [path.join(ROOT, 'bin/tidewatch.mjs'), 'demo', '--file', path.join(dir, 'posts.jsonl')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', API_PORT: '0', ...env() },
    });
    demo.stdout.on('data', (d) => (stdout += d));
    demo.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => stdout.includes('Ctrl-C to stop') && (clearInterval(timer), resolve()), 100);
      demo.once('exit', (code) => (clearInterval(timer), reject(new Error(`demo exited (${code}):\n${stdout}\n${stderr}`))));
    });
    expect(stdout).toContain(`database: embedded PostgreSQL in ${dataDir}`);
    const api = /API running on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
    const leadKey = /Authorization: Bearer (tw_\S+)/.exec(stdout)![1]!;
    const adminKey = /admin key: (tw_\S+)/.exec(stdout)![1]!;
    const redisPort = /private redis-server at redis:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)![1]!;

    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
    const list = await fetch(`${api}/v1/review/items`, { headers: bearer(leadKey) });
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: { id: string }[] };
    expect(items.length).toBeGreaterThan(0);

    // The other read routes too, as an admin may call them all (a POST below, and the CLI's writes).
    for (const route of [
      `/v1/review/items/${items[0]!.id}`,
      '/v1/networks',
      '/v1/stats',
      '/v1/stats/export?table=funnel',
      '/v1/audit',
      '/openapi.json',
      '/healthz',
      '/readyz',
      '/metrics',
    ]) {
      const res = await fetch(`${api}${route}`, { headers: bearer(adminKey) });
      expect({ route, status: res.status }).toEqual({ route, status: 200 });
    }

    // Sign in as a browser does: the form, from this origin; keep whatever cookie comes back.
    const signIn = async (key: string) => {
      const res = await fetch(`${api}/review/sign-in`, {
        method: 'POST',
        headers: { origin: api, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ key, next: '/review' }),
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      expect(cookie).not.toBe('');
      return (p: string) => fetch(`${api}${p}`, { headers: { cookie }, redirect: 'manual' });
    };
    const asLead = await signIn(leadKey);
    for (const page of ['/review', `/review/items/${items[0]!.id}`, '/networks', '/analytics', '/docs']) {
      const res = await asLead(page);
      expect({ page, status: res.status }).toEqual({ page, status: 200 });
      expect(await res.text()).not.toMatch(/internal error/i);
    }
    // The queue dashboard is for admins: a lead is told which role it needs, the printed admin key opens it.
    const denied = await asLead('/admin/queues');
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain('admin');
    const asAdmin = await signIn(adminKey);
    expect((await asAdmin('/admin/queues')).status).toBe(200);

    // A second terminal, same DATA_DIR: a new key works on the running demo at once.
    const created = await runCli(['keys', 'create', '--role', 'reviewer', '--name', 'second terminal'], env());
    expect(created.stderr).toMatch(/created key/);
    const newKey = created.stdout.trim();
    expect((await fetch(`${api}/v1/review/items`, { headers: bearer(newKey) })).status).toBe(200);
    // And a platform added there is accepted by POST /v1/posts straight away.
    const added = await runCli(['platforms', 'add', 'mastodon'], env());
    expect(added.code, added.stderr).toBe(0);
    const post = await fetch(`${api}/v1/posts`, {
      method: 'POST',
      headers: { ...bearer(adminKey), 'content-type': 'application/json' },
      body: JSON.stringify({
        platform: 'mastodon',
        platformPostId: 'm1',
        url: 'https://mastodon.example/@a/1',
        text: 'Boat to UK, WhatsApp +44 7911 123456',
      }),
    });
    expect(post.status).toBe(202);
    // `ingest FILE` there queues onto the demo's own (private) Redis: the demo's workers store the post.
    await writeFile(
      path.join(dir, 'more.jsonl'),
      JSON.stringify({ platform: 'x', platformPostId: 'ingested1', url: 'https://x.com/a/status/ingested1', text: 'Crossing tonight' }),
    );
    const ingested = await runCli(['ingest', '--no-progress', path.join(dir, 'more.jsonl')], env());
    expect(ingested.stdout, ingested.stderr).toContain('queued 1 posts');
    const state = JSON.parse(await readFile(path.join(dataDir, 'postgres/server.json'), 'utf8')) as {
      postmasterPid: number;
      port: number;
      password: string;
    };
    const stored = async () =>
      (
        await sql<{ n: number }>(
          `postgresql://postgres:${state.password}@127.0.0.1:${state.port}/postgres`,
          `SELECT count(*)::int AS n FROM "Post" WHERE "platformPostId" IN ('ingested1', 'm1')`,
        )
      )[0]!.n;
    for (const t = Date.now(); (await stored()) < 2 && Date.now() - t < 60_000;) await new Promise((r) => setTimeout(r, 250));
    expect(await stored()).toBe(2);

    const { postmasterPid } = state;
    demo.kill('SIGINT');
    expect(await new Promise((r) => demo.once('exit', r))).toBe(0);
    expect(alive(postmasterPid)).toBe(false);
    expect(await processesUsing(dataDir)).toEqual([]);
    expect(await processesUsing(`127.0.0.1:${redisPort}`)).toEqual([]);

    // The key outlives the demo: the data is kept, and a later command (its own server) finds it.
    const listed = await runCli(['keys', 'list', '--json'], env());
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('"name":"second terminal"');
    expect(await processesUsing(dataDir)).toEqual([]);
  }, 240_000);
});
