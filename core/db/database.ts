/**
 * Opens the database the config points at (or the embedded one), migrated and seeded, for the
 * process's lifetime.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createDb, type PrismaClient } from './client.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { installAppendOnlyGuards } from './append-only.ts';
import { applyMigrations } from './migrations.ts';
import { seedPlatforms } from './seed.ts';

export interface Database {
  db: PrismaClient;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, log: Logger, opts: { migrate?: boolean } = {}): Promise<Database> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  const url = config.databaseUrl ?? embedded!.url;
  if (embedded) log.info({ dataDir: config.dataDir }, 'DATABASE_URL unset: using embedded PostgreSQL (PGlite)');
  if (opts.migrate) {
    const { applied, via } = await applyMigrations(url);
    if (applied.length) log.info({ applied, via }, 'migrations applied');
  }
  const db = createDb(url, embedded ? 1 : config.dbPoolSize);
  if (opts.migrate) {
    await installAppendOnlyGuards(db);
    await seedPlatforms(db);
  }
  return {
    db,
    url,
    embedded: Boolean(embedded),
    async close() {
      await db.$disconnect();
      await embedded?.stop();
    },
  };
}
