/**
 * The one door to the database at run time. Every domain module takes a `Db` and runs its own SQL
 * (kept per domain in `<domain>/sql.ts`) through `query` / `execute`, inside `transaction` when
 * several statements must commit together; `onCommit` runs what must wait for the commit (queueing
 * the next job). Statements go straight to node-postgres (see docs/database.md for why not through
 * Prisma's raw layer); Prisma stays for the schema, migrations, generated enums, and its model API
 * (`db.prisma`) where that is the simpler code outside a transaction.
 */
import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { poolConfigFromUrl } from './url.ts';

export { Prisma } from '../../generated/prisma/client.ts';
export type Sql = Prisma.Sql;
/** Tagged template for a parameterised statement: sql`SELECT … WHERE id = ${id}`. */
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export const empty = Prisma.empty;
/** The database clock as UTC wall time: what `timestamp(3)` columns hold (Prisma's convention). */
export const NOW_UTC = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

export interface QueryOptions {
  /**
   * Run as a named prepared statement (parsed once per connection, named by its text), for hot
   * reads and writes issued many times.
   */
  prepared?: boolean;
  /**
   * Prepared, and planned once per connection whatever the parameters (a session with
   * `plan_cache_mode = force_generic_plan`), for a statement whose best plan does not depend on the
   * values. Outside a transaction only; inside one it runs as `prepared`.
   */
  genericPlan?: boolean;
}

export interface TransactionOptions {
  /** Longest a statement may run before PostgreSQL cancels it and the transaction rolls back (ms). Default 30 000. */
  statementTimeoutMs?: number;
}

type Template = TemplateStringsArray | Sql;
type Conn = pg.Pool | pg.PoolClient;

const TIMESTAMP = 1114;
const DATE = 1082;
const INT8 = 20;
/** 'YYYY-MM-DD HH:MM:SS[.fff]' of a `timestamp` column, read as UTC (as Prisma stores it). */
const utcTimestamp = (text: string): Date | string => (/^\d{4}-/.test(text) ? new Date(`${text.replace(' ', 'T')}Z`) : text);
/** Values read as Prisma's raw queries read them where node-postgres differs: timestamps and dates as UTC, int8 as bigint. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMP || oid === DATE) return utcTimestamp;
    if (oid === INT8) return BigInt;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

/** Parameters as Prisma sends them: Dates as ISO text (stored as UTC), bigints as text. */
const toDriver = (value: unknown): unknown =>
  value instanceof Date
    ? value.toISOString()
    : Array.isArray(value)
      ? value.map(toDriver)
      : typeof value === 'bigint'
        ? value.toString()
        : value;

const statementName = (text: string) => `tw_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;

/** Tagged template (`db.query<Row>\`…\``) or a built statement with options (`db.query<Row>(stmt, { prepared: true })`). */
function split(query: Template, rest: unknown[]): [Sql, QueryOptions] {
  if (query instanceof Prisma.Sql) return [query, (rest[0] as QueryOptions | undefined) ?? {}];
  return [Prisma.sql(query, ...rest), {}];
}

/** What every domain module is given: statements, transactions and after-commit hooks. */
export abstract class Db {
  /** Rows of one statement. */
  query<T = Record<string, unknown>>(query: TemplateStringsArray, ...values: unknown[]): Promise<T[]>;
  query<T = Record<string, unknown>>(query: Sql, opts?: QueryOptions): Promise<T[]>;
  async query<T>(query: Template, ...rest: unknown[]): Promise<T[]> {
    const [stmt, opts] = split(query, rest);
    return (await this.run(stmt, opts)).rows as T[];
  }

  /** Rows affected by one statement. */
  execute(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
  execute(query: Sql, opts?: QueryOptions): Promise<number>;
  async execute(query: Template, ...rest: unknown[]): Promise<number> {
    const [stmt, opts] = split(query, rest);
    return (await this.run(stmt, opts)).rowCount ?? 0;
  }

  /**
   * Runs `fn` in one transaction and returns what it returns, then runs the `onCommit` hooks; rolls
   * back and rethrows what it throws. Inside a transaction, `fn` joins it.
   */
  abstract transaction<T>(fn: (tx: Db) => Promise<T>, opts?: TransactionOptions): Promise<T>;

  /** Runs `fn` once the enclosing transaction has committed (now, outside one); a failure is the caller's. */
  abstract onCommit(fn: () => unknown): void | Promise<void>;

  abstract readonly inTransaction: boolean;

  protected abstract run(stmt: Sql, opts: QueryOptions): Promise<pg.QueryResult>;
}

function send(conn: Conn, stmt: Sql, name?: string): Promise<pg.QueryResult> {
  return conn.query({ text: stmt.text, values: stmt.values.map(toDriver), types, ...(name ? { name } : {}) });
}

class TransactionDb extends Db {
  readonly inTransaction = true;
  readonly #after: (() => unknown)[] = [];
  constructor(readonly client: pg.PoolClient) {
    super();
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }

  onCommit(fn: () => unknown): void {
    this.#after.push(fn);
  }

  async committed(): Promise<void> {
    for (const fn of this.#after) await fn();
  }

  protected run(stmt: Sql, opts: QueryOptions): Promise<pg.QueryResult> {
    return send(this.client, stmt, opts.prepared || opts.genericPlan ? statementName(stmt.text) : undefined);
  }
}

/** The process's handle: a pg pool, a second small one for generic-plan reads, and Prisma beside them. */
export class PoolDb extends Db {
  readonly inTransaction = false;
  readonly #pool: pg.Pool;
  #generic: pg.Pool | undefined;
  /** Prisma's model API on the same pool, for code where it is simpler (never inside `transaction`). */
  readonly prisma: PrismaClient;

  constructor(url: string, poolSize: number) {
    super();
    this.#pool = new pg.Pool({
      ...poolConfigFromUrl(url),
      max: poolSize,
      // A database that stops answering (rather than refusing) must fail the job into its retry
      // backoff, not hang it: give up connecting after 10 s, and let TCP keepalive notice dead peers.
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
    });
    // An idle connection that breaks is replaced by the pool; the next query reports any outage.
    this.#pool.on('error', () => {});
    this.prisma = new PrismaClient({ adapter: new PrismaPg(this.#pool, { disposeExternalPool: false }) });
  }

  /** Connections open in the main pool (tests and metrics). */
  get poolSize(): number {
    return this.#pool.totalCount;
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
    const timeoutMs = Math.max(1, Math.floor(opts.statementTimeoutMs ?? 30_000));
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    const tx = new TransactionDb(client);
    let result: T;
    try {
      // One round trip; SET LOCAL ends with the transaction, so the pooled connection keeps its defaults.
      await client.query(`BEGIN; SET LOCAL statement_timeout = ${timeoutMs}`);
      result = await fn(tx);
      await client.query('COMMIT');
    } catch (err) {
      // A connection that cannot even roll back is dropped from the pool rather than reused.
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken);
    }
    await tx.committed();
    return result;
  }

  async onCommit(fn: () => unknown): Promise<void> {
    await fn();
  }

  protected run(stmt: Sql, opts: QueryOptions): Promise<pg.QueryResult> {
    if (opts.genericPlan) return send(this.#genericPool(), stmt, statementName(stmt.text));
    return send(this.#pool, stmt, opts.prepared ? statementName(stmt.text) : undefined);
  }

  #genericPool(): pg.Pool {
    if (!this.#generic) {
      // pg-pool keeps the password non-enumerable (out of logs), so a spread alone would drop it.
      const o = this.#pool.options;
      this.#generic = new pg.Pool({
        ...o,
        password: o.password,
        max: Math.max(1, Math.ceil(o.max / 2)),
        options: '-c plan_cache_mode=force_generic_plan',
      });
      this.#generic.on('error', () => {});
    }
    return this.#generic;
  }

  /** Ends both pools (a second call does nothing); the handle cannot be used after. */
  async close(): Promise<void> {
    await this.prisma.$disconnect().catch(() => undefined);
    await Promise.all([this.#pool.ended ? undefined : this.#pool.end(), this.#generic?.ended === false ? this.#generic.end() : undefined]);
  }
}

/** The process's database handle on `url`, with at most `poolSize` connections (plus half as many for generic-plan reads). */
export function createDb(url: string, poolSize: number): PoolDb {
  return new PoolDb(url, poolSize);
}
