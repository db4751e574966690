/**
 * The pipeline's hot raw SQL (classify's routing transaction, ingest's inserts, classify's read of
 * a batch) run on the client's own pg pool instead of through Prisma.
 *
 * Why: Prisma's raw-query layer round-trips every parameter through `JSON.stringify` and
 * `JSON.parse` on its way to the driver, and adapter-pg records each query with its parameters in
 * `@prisma/debug`'s history of the last 100 calls (kept even with debugging off). A classify batch
 * sends some 1 MB of parameters (signals, texts, signatures), so each statement allocated several
 * copies of large strings, which V8 places straight in the old generation. In three alternating
 * pairs of pipeline benchmark runs the classify worker took 0.18–0.21 CPU ms a post through Prisma
 * and 0.16–0.18 on the pool (10–17 % less in each pair), and the pipeline ran 3–12 % faster.
 *
 * The statements are the same tagged templates (`Prisma.sql` builds them), and values read back as
 * Prisma reads them where the two drivers differ in ways these statements meet: a `timestamp`
 * column comes back as the UTC instant (node-postgres would read it in the process's time zone),
 * and a Date parameter goes as its ISO text (stored as UTC, as Prisma stores it).
 */
import pg from 'pg';
import { Prisma, poolOf, type PrismaClient } from './client.ts';

/** What the hot write paths need of a connection: raw statements, through Prisma or the pool. */
export interface RawSql {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

export interface SqlTransactionOptions {
  /**
   * Longest a statement of the transaction may run before PostgreSQL cancels it and the
   * transaction rolls back (ms); on the Prisma path, the whole transaction's timeout. Default 30 000.
   */
  statementTimeoutMs?: number;
}

const TIMESTAMP = 1114;
/** 'YYYY-MM-DD HH:MM:SS[.fff]' of a `timestamp` column, read as UTC (as Prisma stores it). */
const utcTimestamp = (text: string): Date | string => (/^\d{4}-/.test(text) ? new Date(`${text.replace(' ', 'T')}Z`) : text);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP ? utcTimestamp : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

const toDriver = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.map(toDriver) : typeof value === 'bigint' ? value.toString() : value;

function onConnection(conn: pg.Pool | pg.PoolClient): RawSql {
  const run = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...(values as Prisma.Sql[]));
    return conn.query({ text: sql.text, values: sql.values.map(toDriver), types });
  };
  return {
    $queryRaw: async <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await run(query, values)).rows as T,
    $executeRaw: async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await run(query, values)).rowCount ?? 0,
  };
}

/**
 * Runs `fn` in one transaction: on the pg pool under `db` when it has one (a client made by
 * `createDb`), else as a Prisma interactive transaction. Commits what `fn` returns; rolls back and
 * rethrows what it throws. Waiting for a connection is bounded by the pool's connection timeout
 * (10 s, `createDb`), as Prisma's `maxWait` bounded it.
 */
export async function sqlTransaction<T>(db: PrismaClient, fn: (tx: RawSql) => Promise<T>, opts: SqlTransactionOptions = {}): Promise<T> {
  const timeoutMs = Math.max(1, Math.floor(opts.statementTimeoutMs ?? 30_000));
  const pool = poolOf(db);
  if (!pool) return db.$transaction((tx) => fn(tx), { maxWait: 10_000, timeout: timeoutMs });
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // One round trip; SET LOCAL ends with the transaction, so the pooled connection keeps its defaults.
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${timeoutMs}`);
    const result = await fn(onConnection(client));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A connection that cannot even roll back is dropped from the pool rather than reused.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken);
  }
}

/**
 * Single statements, each in its own implicit transaction, on the pg pool under `db` (through
 * Prisma where it has none): for the hot paths' large reads and writes outside a transaction
 * (ingest's inserts, classify's read of a batch), with the same conversions as {@link sqlTransaction}.
 */
export function onPool(db: PrismaClient): RawSql {
  const pool = poolOf(db);
  return pool ? onConnection(pool) : db;
}
