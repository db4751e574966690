import { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { openDatabase } from '../../core/db/database.ts';
import { createMigration } from '../../core/db/migrations.ts';
import { createLogger } from '../../core/logger.ts';
import { UsageError } from '../process-lifecycle.ts';

export function dbCommand() {
  const db = new Command('db').description('database migrations');
  db.command('migrate')
    .description('apply pending migrations (prisma migrate deploy, or the wasm schema engine offline) and seed platforms')
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config.logLevel);
      const database = await openDatabase(config, log, { migrate: true });
      await database.close();
      process.stdout.write('database is up to date\n');
    });
  db.command('migration')
    .description('generate a migration from the changes in prisma/schema.prisma')
    .argument('<name>', 'migration name, e.g. add_referral_notes')
    .action(async (name: string) => {
      const config = loadConfig();
      if (!config.databaseUrl) {
        throw new UsageError('db migration needs DATABASE_URL: the engine replays the migrations in a shadow database on that server');
      }
      const dir = await createMigration(config.databaseUrl, name);
      process.stdout.write(dir ? `wrote ${dir}/migration.sql\n` : 'schema unchanged: no migration written\n');
    });
  return db;
}
