/**
 * Opens the database the config points at (or the embedded one), migrated and seeded, for the
 * process's lifetime.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createDb, type PoolDb } from './index.ts';
import pg from 'pg';
import { installSchemaCode } from './schema-code.ts';
import { connectedRole, installRuntimeRole, isRuntimeRole, pendingMigrations, RUNTIME_ROLE_DOCS } from './runtime-role.ts';
import { seedPlatforms } from './seed.ts';

export interface Database {
  db: PoolDb;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, log: Logger, opts: { migrate?: boolean } = {}): Promise<Database> {
  // Imported only when used: a worker on a real database never needs the embedded server's code.
  const embedded = config.databaseUrl ? undefined : await (await import('./embedded.ts')).openEmbeddedPostgres(config.dataDir, log);
  const url = config.databaseUrl ?? embedded!.url;
  if (embedded) log.info({ dataDir: config.dataDir }, 'DATABASE_URL unset: using the embedded PostgreSQL');
  const db = createDb(url, config.dbPoolSize);
  try {
    // The owner's URL, when the runtime connects as a least-privilege role (core/db/runtime-role.ts).
    const migrationUrl = embedded ? url : (config.databaseMigrationUrl ?? url);
    if (opts.migrate && !config.databaseMigrationUrl && !embedded && isRuntimeRole(await connectedRole(db))) {
      // Least-privilege credentials cannot (and must not) change the schema: check it is current.
      const pending = await pendingMigrations(db);
      if (pending.length) {
        throw new Error(
          `${pending.length} migration(s) pending (${pending.join(', ')}); DATABASE_URL's role may not change the schema: run \`tidewatch db migrate\` with DATABASE_MIGRATION_URL set to the owner's URL (${RUNTIME_ROLE_DOCS})`,
        );
      }
    } else if (opts.migrate) {
      const owner = migrationUrl === url ? db : createDb(migrationUrl, 1);
      // Several processes started together (workers, the API) all migrate on start: one at a time,
      // or two of them race to create the same trigger function.
      await withMigrationLock(migrationUrl, async () => {
        const { applyMigrations } = await import('./migrations.ts');
        const { applied, via } = await applyMigrations(migrationUrl);
        if (applied.length) log.info({ applied, via }, 'migrations applied');
        await installSchemaCode(owner);
        await installRuntimeRole(owner, log);
        await seedPlatforms(owner);
      }).finally(() => (owner === db ? undefined : owner.close()));
    }
    return {
      db,
      url,
      embedded: Boolean(embedded),
      async close() {
        await db.close();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    await embedded?.stop();
    throw err;
  }
}

/** Session advisory lock key of "migrate and seed" ("twmig" as a number). */
const MIGRATION_LOCK = 0x74776d6967;

/** Runs `fn` holding a session-level advisory lock on its own connection, released after. */
async function withMigrationLock(url: string, fn: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK]);
    await fn();
  } finally {
    // Closing the session releases the lock too; unlocking first just frees it sooner.
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
