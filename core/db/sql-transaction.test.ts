import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolate, type Isolated } from '../../test/isolation.ts';
import { PrismaClient } from './client.ts';
import { onPool, sqlTransaction, type RawSql } from './sql-transaction.ts';

describe('sqlTransaction', () => {
  let iso: Isolated;
  /** A client not made by createDb: no pool of ours, so transactions go through Prisma. */
  let plain: PrismaClient;
  beforeAll(async () => {
    iso = await isolate();
    plain = new PrismaClient({ adapter: new PrismaPg({ connectionString: iso.databaseUrl }) });
    await iso.db.$executeRaw`CREATE TABLE tx_probe (id int PRIMARY KEY, at timestamp(3), note text)`;
  });
  afterAll(async () => {
    await plain?.$disconnect();
    await iso?.cleanup();
  });

  const count = async () => (await iso.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM tx_probe`)[0]!.n;
  const insert = (tx: RawSql, id: number, at: Date | null = null) => tx.$executeRaw`INSERT INTO tx_probe (id, at, note) VALUES (${id}, ${at}, ${`row ${id}`})`;

  for (const [path, client, base] of [['the pool', () => iso.db, 10_000], ['Prisma (no pool of ours)', () => plain, 20_000]] as const) {
    describe(`on ${path}`, () => {
      it('commits what the callback wrote and returns its result', async () => {
        const before = await count();
        const out = await sqlTransaction(client(), async (tx) => {
          await insert(tx, before + 1000);
          return tx.$queryRaw<{ note: string }[]>`SELECT note FROM tx_probe WHERE id = ${before + 1000}`;
        });
        expect(out).toEqual([{ note: `row ${before + 1000}` }]);
        expect(await count()).toBe(before + 1);
      });

      it('rolls back everything when the callback throws, and the next transaction works', async () => {
        const before = await count();
        await expect(
          sqlTransaction(client(), async (tx) => {
            await insert(tx, before + 2000);
            throw new Error('refused halfway');
          }),
        ).rejects.toThrow('refused halfway');
        expect(await count()).toBe(before);
        // a failed statement aborts the transaction; it is rolled back, not left open on a pooled connection
        await expect(sqlTransaction(client(), async (tx) => insert(tx, base))).resolves.toBe(1);
        await expect(sqlTransaction(client(), async (tx) => insert(tx, base))).rejects.toThrow(/duplicate key|unique constraint/i);
        await expect(sqlTransaction(client(), async (tx) => insert(tx, before + 3000))).resolves.toBe(1);
      });
    });
  }

  it('stores and reads timestamps as Prisma does, whatever the process time zone', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York'; // node-postgres' own parser would read the column as New York time
    try {
      const at = new Date('2026-07-01T12:34:56.789Z');
      await sqlTransaction(iso.db, (tx) => insert(tx, 4000, at));
      await plain.$executeRaw`INSERT INTO tx_probe (id, at) VALUES (4001, ${at})`;
      const viaPrisma = await iso.db.$queryRaw<{ id: number; at: Date; text: string }[]>`SELECT id, at, at::text AS text FROM tx_probe WHERE id IN (4000, 4001) ORDER BY id`;
      const viaPool = await sqlTransaction(iso.db, (tx) => tx.$queryRaw<{ id: number; at: Date }[]>`SELECT id, at FROM tx_probe WHERE id IN (4000, 4001) ORDER BY id`);
      expect(viaPrisma.map((r) => r.text)).toEqual(['2026-07-01 12:34:56.789', '2026-07-01 12:34:56.789']);
      expect(viaPool.map((r) => r.at.toISOString())).toEqual([at.toISOString(), at.toISOString()]);
      // single statements on the pool read rows exactly as Prisma's raw queries do
      const rows = (db: RawSql) => db.$queryRaw`SELECT id, at, note, id::text AS "idText" FROM tx_probe WHERE id IN (4000, 4001) ORDER BY id`;
      expect(await rows(onPool(iso.db))).toEqual(await rows(iso.db));
      expect(onPool(plain)).toBe(plain);
      expect(viaPrisma.map((r) => r.at.toISOString())).toEqual([at.toISOString(), at.toISOString()]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('cancels a statement past the timeout and rolls the transaction back', async () => {
    const before = await count();
    await expect(
      sqlTransaction(
        iso.db,
        async (tx) => {
          await insert(tx, 5000);
          await tx.$queryRaw`SELECT pg_sleep(2)`;
        },
        { statementTimeoutMs: 100 },
      ),
    ).rejects.toThrow(/statement timeout/);
    expect(await count()).toBe(before);
    // the limit was local to that transaction: the pooled connections keep no timeout
    const [row] = await sqlTransaction(iso.db, (tx) => tx.$queryRaw<{ t: string }[]>`SELECT current_setting('statement_timeout') AS t`);
    expect(row!.t).toBe('30s');
    const outside = await iso.db.$queryRaw<{ t: string }[]>`SELECT current_setting('statement_timeout') AS t`;
    expect(outside[0]!.t).toBe('0');
  });
});
