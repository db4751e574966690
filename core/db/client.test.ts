/**
 * The client factory and its pools. A database that accepts connections but never answers (a hung
 * server, a black-holed route) must fail the query, so the job goes into its retry backoff,
 * instead of hanging the worker forever. Generic-plan reads run on their own connections, which
 * end with the client.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolate, type Isolated } from '../../test/isolation.ts';
import { ADMIN_URL, sql } from '../../test/services.ts';
import { createDb, Prisma, } from './index.ts';

describe('createDb against a silent server', () => {
  let server: Server;
  const sockets: Socket[] = [];
  let port = 0;
  beforeAll(async () => {
    server = createServer((s) => void sockets.push(s)); // accept, never reply
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up connecting after the connection timeout', async () => {
    const db = createDb(`postgresql://postgres@127.0.0.1:${port}/postgres`, 1);
    const started = Date.now();
    const hung = new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 30 s'), 30_000).unref());
    const outcome = await Promise.race([db.query`SELECT 1`.then(() => 'answered', (err: Error) => `failed: ${err.message}`), hung]);
    expect(outcome).toMatch(/^failed: /);
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
    await db.close().catch(() => undefined);
  });
});

describe('queryPrepared with genericPlan', () => {
  const backends = (iso: Isolated) =>
    sql<{ type: string; n: number }>(
      ADMIN_URL,
      `SELECT backend_type AS type, count(*)::int AS n FROM pg_stat_activity WHERE datname = '${new URL(iso.databaseUrl).pathname.slice(1)}' GROUP BY 1`,
    );

  it('runs on connections that plan generically, beside the main pool, and closes them with it', async () => {
    const iso = await isolate();
    try {
      const mode = Prisma.sql`SELECT current_setting('plan_cache_mode') AS mode`;
      expect(await iso.db.query<{ mode: string }>(mode, { prepared: true })).toEqual([{ mode: 'auto' }]);
      expect(await iso.db.query<{ mode: string }>(mode, { genericPlan: true })).toEqual([{ mode: 'force_generic_plan' }]);
      // A parameterised statement, executed more than the five custom plans PostgreSQL tries first.
      const posts = Prisma.sql`SELECT count(*)::int AS n FROM "Post" WHERE "platformId" = ${1}`;
      for (let i = 0; i < 7; i++) expect(await iso.db.query<{ n: number }>(posts, { genericPlan: true })).toEqual([{ n: 0 }]);
      expect((await backends(iso)).find((b) => b.type === 'client backend')?.n).toBeGreaterThanOrEqual(2);
      await iso.db.close();
      // Both pools ended: no client connection to this database is left.
      await expect.poll(async () => (await backends(iso)).find((b) => b.type === 'client backend')?.n ?? 0, { timeout: 5_000 }).toBe(0);
    } finally {
      await iso.cleanup();
    }
  });
});
