import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '../../generated/prisma/client.ts';
import { poolConfigFromUrl } from './url.ts';

export { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
export type Db = PrismaClient;

const pools = new WeakMap<PrismaClient, ClientPool>();

/**
 * The client's pool, with a second, smaller one beside it whose sessions plan every prepared
 * statement generically (`plan_cache_mode = force_generic_plan`), for {@link queryPrepared}'s
 * `genericPlan` reads. Its connections open on first use (so only a process that makes such reads
 * has any), and it ends with the main pool when Prisma disposes of that.
 */
class ClientPool extends pg.Pool {
  #generic: pg.Pool | undefined;

  get generic(): pg.Pool {
    if (!this.#generic) {
      // pg-pool keeps the password non-enumerable (out of logs), so a spread alone would drop it.
      this.#generic = new pg.Pool({ ...this.options, password: this.options.password, max: Math.max(1, Math.ceil(this.options.max / 2)), options: '-c plan_cache_mode=force_generic_plan' });
      this.#generic.on('error', () => {});
    }
    return this.#generic;
  }

  override async end(): Promise<void> {
    await Promise.all([super.end(), this.#generic?.end()]);
  }
}

/** A Prisma client on adapter-pg (no native query engine). */
export function createDb(url: string, poolSize: number): PrismaClient {
  const pool = new ClientPool({
    ...poolConfigFromUrl(url),
    max: poolSize,
    // A database that stops answering (rather than refusing) must fail the job into its retry
    // backoff, not hang it: give up connecting after 10 s, and let TCP keepalive notice dead peers.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // An idle connection that breaks is replaced by the pool; the next query reports any outage
  // (adapter-pg adds its own listener only once Prisma connects, and an unheard 'error' is fatal).
  pool.on('error', () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/**
 * The pg pool under a client made by {@link createDb}: for the few hot reads that run as named
 * prepared statements and skip Prisma's result mapping, and the hot write transactions
 * (`sql-transaction.ts`). Undefined for a transaction client, and once `$disconnect()` ended the
 * pool (Prisma opens a new one of its own if the client is used again).
 */
export function poolOf(db: unknown): ClientPool | undefined {
  const pool = pools.get(db as PrismaClient);
  return pool && !pool.ended ? pool : undefined;
}

/**
 * A hot read: on the client's pg pool as a named prepared statement (parsed once per connection,
 * rows as pg parses them, no Prisma raw-query layer or result mapping), named by its text, so a
 * query whose text varies with its filters gets one statement per variant. Through Prisma where
 * there is no pool (a transaction client). pg's default parsers are not Prisma's: a caller selects
 * columns whose values both read alike (text, numbers, booleans; times formatted in SQL).
 *
 * `genericPlan`: run it where PostgreSQL plans it once per connection, whatever the parameters,
 * instead of judging each execution (which, for a statement whose custom plans look cheaper,
 * means planning it every time). For a statement whose best plan does not depend on the values.
 */
export async function queryPrepared<T>(
  db: Pick<PrismaClient, '$queryRaw'> | Prisma.TransactionClient,
  query: Prisma.Sql,
  opts: { genericPlan?: boolean } = {},
): Promise<T[]> {
  const pool = poolOf(db);
  if (!pool) return db.$queryRaw<T[]>(query);
  const name = `tw_${createHash('sha256').update(query.text).digest('base64url').slice(0, 24)}`;
  return (await (opts.genericPlan ? pool.generic : pool).query({ name, text: query.text, values: query.values })).rows as T[];
}
