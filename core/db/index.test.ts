/**
 * The door to the database: transactions (commit, rollback, a nested one joining the outer),
 * after-commit hooks, prepared and generic-plan statements, values read as Prisma reads them, the
 * statement timeout, and a server that accepts connections but never answers (the query must
 * fail, so the job goes into its retry backoff, instead of hanging the worker forever).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolate, type Isolated } from '../../test/isolation.ts';
import { ADMIN_URL, sql as adminSql } from '../../test/services.ts';
import { createDb, sql, type Db } from './index.ts';

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
    const outcome = await Promise.race([
      db.query`SELECT 1`.then(
        () => 'answered',
        (err: Error) => `failed: ${err.message}`,
      ),
      hung,
    ]);
    expect(outcome).toMatch(/^failed: /);
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
    await db.close().catch(() => undefined);
  });
});

describe('prepared and generic-plan statements', () => {
  const backends = (iso: Isolated) => {
    const name = new URL(iso.databaseUrl).pathname.slice(1);
    return adminSql<{ type: string; n: number }>(
      ADMIN_URL,
      `SELECT backend_type AS type, count(*)::int AS n FROM pg_stat_activity WHERE datname = '${name}' GROUP BY 1`,
    );
  };

  it('generic-plan reads run on connections that plan generically, beside the main pool, and close with it', async () => {
    const iso = await isolate();
    try {
      const mode = sql`SELECT current_setting('plan_cache_mode') AS mode`;
      expect(await iso.db.query<{ mode: string }>(mode, { prepared: true })).toEqual([{ mode: 'auto' }]);
      expect(await iso.db.query<{ mode: string }>(mode, { genericPlan: true })).toEqual([{ mode: 'force_generic_plan' }]);
      // A parameterised statement, executed more than the five custom plans PostgreSQL tries first.
      const posts = sql`SELECT count(*)::int AS n FROM "Post" WHERE "platformId" = ${1}`;
      for (let i = 0; i < 7; i++) expect(await iso.db.query<{ n: number }>(posts, { genericPlan: true })).toEqual([{ n: 0 }]);
      expect((await backends(iso)).find((b) => b.type === 'client backend')?.n).toBeGreaterThanOrEqual(2);
      await iso.db.close();
      // Both pools ended: no client connection to this database is left.
      await expect.poll(async () => (await backends(iso)).find((b) => b.type === 'client backend')?.n ?? 0, { timeout: 5_000 }).toBe(0);
    } finally {
      await iso.cleanup();
    }
  });

  it('a prepared statement is parsed once per connection, named by its text, and inside a transaction too', async () => {
    const iso = await isolate();
    try {
      const stmt = (n: number) => sql`SELECT ${n}::int AS n`;
      const names = await iso.db.transaction(async (tx) => {
        expect(await tx.query<{ n: number }>(stmt(1), { prepared: true })).toEqual([{ n: 1 }]);
        expect(await tx.query<{ n: number }>(stmt(2), { prepared: true })).toEqual([{ n: 2 }]);
        // Inside a transaction a generic-plan read runs as prepared, on the transaction's connection.
        expect(await tx.query<{ n: number }>(stmt(3), { genericPlan: true })).toEqual([{ n: 3 }]);
        return tx.query<{ name: string }>`SELECT name FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int AS n'`;
      });
      expect(names).toHaveLength(1);
      expect(names[0]!.name).toMatch(/^tw_[\w-]{24}$/);
    } finally {
      await iso.cleanup();
    }
  });
});

describe('transactions', () => {
  let iso: Isolated;
  beforeAll(async () => {
    iso = await isolate();
    await iso.db.execute`CREATE TABLE tx_probe (id int PRIMARY KEY, at timestamp(3), day date, big bigint, amount numeric, note text)`;
  });
  afterAll(async () => iso?.cleanup());

  const count = async () => (await iso.db.query<{ n: number }>`SELECT count(*)::int AS n FROM tx_probe`)[0]!.n;
  const insert = (tx: Db, id: number, at: Date | null = null) =>
    tx.execute`INSERT INTO tx_probe (id, at, note) VALUES (${id}, ${at}, ${`row ${id}`})`;
  /** Whether row `id` is visible to another connection (committed). */
  const committed = async (id: number) =>
    (await adminSql<{ n: number }>(iso.databaseUrl, `SELECT count(*)::int AS n FROM tx_probe WHERE id = ${id}`))[0]!.n === 1;

  it('commits what the callback wrote and returns its result', async () => {
    const before = await count();
    const out = await iso.db.transaction(async (tx) => {
      expect(tx.inTransaction).toBe(true);
      await insert(tx, 1000);
      return tx.query<{ note: string }>`SELECT note FROM tx_probe WHERE id = ${1000}`;
    });
    expect(out).toEqual([{ note: 'row 1000' }]);
    expect(await count()).toBe(before + 1);
    expect(iso.db.inTransaction).toBe(false);
  });

  it('rolls back everything when the callback throws, and the next transaction works', async () => {
    const before = await count();
    await expect(
      iso.db.transaction(async (tx) => {
        await insert(tx, 2000);
        throw new Error('refused halfway');
      }),
    ).rejects.toThrow('refused halfway');
    expect(await count()).toBe(before);
    // A failed statement aborts the transaction; it is rolled back, not left open on a pooled connection.
    await expect(iso.db.transaction((tx) => insert(tx, 2001))).resolves.toBe(1);
    const duplicate = await iso.db.transaction((tx) => insert(tx, 2001)).catch((err: unknown) => err);
    expect(duplicate).toMatchObject({ code: '23505' }); // unique_violation, as callers test for it
    await expect(iso.db.transaction((tx) => insert(tx, 2002))).resolves.toBe(1);
  });

  it('a nested transaction joins the outer one: one connection, committed or rolled back together', async () => {
    const pids = await iso.db.transaction(async (tx) => {
      const [outer] = await tx.query<{ pid: number; xid: string }>`SELECT pg_backend_pid() AS pid, txid_current()::text AS xid`;
      const inner = await tx.transaction(async (inner) => {
        await insert(inner, 3000);
        return (await inner.query<{ pid: number; xid: string }>`SELECT pg_backend_pid() AS pid, txid_current()::text AS xid`)[0];
      });
      expect(await committed(3000)).toBe(false); // the inner "commit" committed nothing yet
      return [outer, inner];
    });
    expect(pids[1]).toEqual(pids[0]);
    expect(await committed(3000)).toBe(true);

    // A failure inside the nested one rolls back the outer's writes as well.
    await expect(
      iso.db.transaction(async (tx) => {
        await insert(tx, 3001);
        await tx.transaction(async (inner) => {
          await insert(inner, 3002);
          throw new Error('inner failed');
        });
      }),
    ).rejects.toThrow('inner failed');
    expect([await committed(3001), await committed(3002)]).toEqual([false, false]);
  });

  it('runs onCommit hooks after the commit, in order, also those of a nested transaction; none after a rollback', async () => {
    const seen: string[] = [];
    await iso.db.transaction(async (tx) => {
      await insert(tx, 4000);
      tx.onCommit(async () => void seen.push(`first, committed: ${await committed(4000)}`));
      await tx.transaction(async (inner) => {
        inner.onCommit(() => seen.push('nested'));
      });
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['first, committed: true', 'nested']);

    const after: string[] = [];
    await expect(
      iso.db.transaction(async (tx) => {
        await insert(tx, 4001);
        tx.onCommit(() => after.push('should not run'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // Nor after a statement failed (a unique violation), which rolls the transaction back.
    await expect(
      iso.db.transaction(async (tx) => {
        tx.onCommit(() => after.push('should not run'));
        await insert(tx, 4000);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(after).toEqual([]);

    // Outside a transaction the hook runs at once.
    await iso.db.onCommit(() => after.push('now'));
    expect(after).toEqual(['now']);
  });

  it('stores and reads timestamps as Prisma does, whatever the process time zone; dates as UTC, int8 as bigint', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York'; // node-postgres' own parser would read the column as New York time
    try {
      const at = new Date('2026-07-01T12:34:56.789Z');
      await iso.db.transaction((tx) => insert(tx, 5000, at));
      await iso.db.execute`INSERT INTO tx_probe (id, at, day, big, amount) VALUES (5001, ${at}, '2026-07-01', 9007199254740993, 12.50)`;
      const rows = await iso.db.query<{ id: number; at: Date; text: string; day: Date; big: bigint; amount: string }>`
        SELECT id, at, at::text AS text, day, big, amount FROM tx_probe WHERE id IN (5000, 5001) ORDER BY id`;
      expect(rows.map((r) => r.text)).toEqual(['2026-07-01 12:34:56.789', '2026-07-01 12:34:56.789']);
      expect(rows.map((r) => r.at.toISOString())).toEqual([at.toISOString(), at.toISOString()]);
      expect(rows[1]!.day.toISOString()).toBe('2026-07-01T00:00:00.000Z');
      expect(rows[1]!.big).toBe(9007199254740993n);
      expect(rows[1]!.amount).toBe('12.50');
      // Prisma's own raw query reads the same instants.
      const viaPrisma = await iso.db.prisma.$queryRaw<{ at: Date }[]>`SELECT at FROM tx_probe WHERE id IN (5000, 5001) ORDER BY id`;
      expect(viaPrisma.map((r) => r.at.toISOString())).toEqual([at.toISOString(), at.toISOString()]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('cancels a statement past the timeout and rolls the transaction back', async () => {
    const before = await count();
    await expect(
      iso.db.transaction(
        async (tx) => {
          await insert(tx, 6000);
          await tx.query`SELECT pg_sleep(2)`;
        },
        { statementTimeoutMs: 100 },
      ),
    ).rejects.toThrow(/statement timeout/);
    expect(await count()).toBe(before);
    // The limit was local to that transaction: the pooled connections keep no timeout.
    const [row] = await iso.db.transaction((tx) => tx.query<{ t: string }>`SELECT current_setting('statement_timeout') AS t`);
    expect(row!.t).toBe('30s');
    const outside = await iso.db.query<{ t: string }>`SELECT current_setting('statement_timeout') AS t`;
    expect(outside[0]!.t).toBe('0');
  });
});
