/**
 * The embedded PostgreSQL is shared by every process on one data directory: the first starts it,
 * the others join it, the owner stops it, and one left behind by a killed owner is taken over.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { createDb, sql } from './index.ts';
import { alive } from '../process-alive.ts';
import { openEmbeddedPostgres, unreachableAbove } from './embedded.ts';

const log = createLogger('silent');
const ROOT = path.resolve(import.meta.dirname, '../..');

async function waitGone(pid: number) {
  for (const t = Date.now(); alive(pid) && Date.now() - t < 20_000;) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

describe('openEmbeddedPostgres', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tw-embedded-'));
    await chmod(dir, 0o755); // as root the server runs as `postgres`, which must reach it
  });
  afterAll(async () => {
    // A failed test may leave its server: stop it before removing its files.
    const state = await readFile(path.join(dir, 'postgres/server.json'), 'utf8').then(
      (t) => JSON.parse(t) as { postmasterPid?: number },
      () => undefined,
    );
    if (state?.postmasterPid && alive(state.postmasterPid)) {
      process.kill(state.postmasterPid, 'SIGINT');
      await waitGone(state.postmasterPid);
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('starts a password-protected server on loopback, shared with a second opener, stopped by its owner', async () => {
    const owner = await openEmbeddedPostgres(dir, log);
    const state = JSON.parse(await readFile(path.join(dir, 'postgres/server.json'), 'utf8')) as {
      postmasterPid: number;
      port: number;
      password: string;
    };
    try {
      expect(owner.owned).toBe(true);
      expect(new URL(owner.url).hostname).toBe('127.0.0.1');
      expect((await stat(path.join(dir, 'postgres/server.json'))).mode & 0o077).toBe(0);
      // Without the password the server refuses.
      const anonymous = createDb(`postgresql://postgres@127.0.0.1:${state.port}/postgres`, 1);
      await expect(anonymous.query`SELECT 1`).rejects.toThrow();
      await anonymous.close();

      const guest = await openEmbeddedPostgres(dir, log);
      expect(guest.owned).toBe(false);
      expect(guest.url).toBe(owner.url);
      // Both pools at once (the review list's generic-plan pool beside the main one), many connections.
      const db = createDb(guest.url, 4);
      const rows = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          db.query<{ n: number }>(sql`SELECT ${i}::int AS n, pg_sleep(0.05)::text`, { genericPlan: i % 2 === 0 }),
        ),
      );
      expect(rows.map((r) => r[0]!.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      await db.close();
      await guest.stop(); // a guest leaves the server running
      expect(alive(state.postmasterPid)).toBe(true);
    } finally {
      await owner.stop();
    }
    expect(await waitGone(state.postmasterPid)).toBe(true);
  });

  it('keeps its data across restarts', async () => {
    const first = await openEmbeddedPostgres(dir, log);
    const db = createDb(first.url, 1);
    await db.execute`CREATE TABLE IF NOT EXISTS kept (v text)`;
    await db.execute`INSERT INTO kept VALUES ('still here')`;
    await db.close();
    await first.stop();
    const second = await openEmbeddedPostgres(dir, log);
    const again = createDb(second.url, 1);
    try {
      expect(await again.query`SELECT v FROM kept`).toEqual([{ v: 'still here' }]);
    } finally {
      await again.close();
      await second.stop();
    }
  });

  it('takes over a server whose owner was killed, and stops it', async () => {
    // An owner in another process, killed with SIGKILL (no chance to stop its server).
    const script = `import { openEmbeddedPostgres } from './core/db/embedded.ts'; import { createLogger } from './core/logger.ts';
      await openEmbeddedPostgres(${JSON.stringify(dir)}, createLogger('silent')); process.stdout.write('up\\n'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('up') && resolve());
      child.once('exit', (code) => reject(new Error(`owner exited early (${code})`)));
    });
    const { postmasterPid } = JSON.parse(await readFile(path.join(dir, 'postgres/server.json'), 'utf8')) as { postmasterPid: number };
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(alive(postmasterPid)).toBe(true);

    const heir = await openEmbeddedPostgres(dir, log);
    expect(heir.owned).toBe(true);
    const db = createDb(heir.url, 1);
    expect(await db.query`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    await db.close();
    await heir.stop();
    expect(await waitGone(postmasterPid)).toBe(true);
  });

  it('finds the directory the server user cannot pass through (as root it runs as `postgres`)', async () => {
    const closed = path.join(dir, 'closed');
    await mkdir(path.join(closed, 'inner'), { recursive: true });
    await chmod(closed, 0o700);
    const nobody = 65_534; // not the owner of anything here
    expect(await unreachableAbove(path.join(closed, 'inner', 'postgres'), nobody)).toBe(closed);
    await chmod(closed, 0o711);
    expect(await unreachableAbove(path.join(closed, 'inner', 'postgres'), nobody)).toBeUndefined();
  });

  it('starts in a DATA_DIR under a private (0700) directory: as root the cluster lives where `postgres` can reach it, and persists', async () => {
    const closed = path.join(dir, 'private-home');
    const clusters = path.join(dir, 'clusters');
    await mkdir(path.join(closed, 'project'), { recursive: true });
    await chmod(closed, 0o700);
    const dataDir = path.join(closed, 'project', '.data');
    const first = await openEmbeddedPostgres(dataDir, log, clusters);
    const state = JSON.parse(await readFile(path.join(dataDir, 'postgres/server.json'), 'utf8')) as {
      pgdata?: string;
      postmasterPid: number;
    };
    // As root the server runs as `postgres`, which cannot pass through `closed`; as anyone else it runs as that user.
    const root = process.getuid?.() === 0;
    expect(state.pgdata?.startsWith(clusters) ?? false).toBe(root);
    let db = createDb(first.url, 1);
    await db.execute`CREATE TABLE kept (n int)`;
    await db.execute`INSERT INTO kept VALUES (7)`;
    await db.close();
    await first.stop();
    expect(await waitGone(state.postmasterPid)).toBe(true);

    const again = await openEmbeddedPostgres(dataDir, log, clusters);
    db = createDb(again.url, 1);
    expect(await db.query`SELECT n FROM kept`).toEqual([{ n: 7 }]);
    await db.close();
    await again.stop();
  });
});
