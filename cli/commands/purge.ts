import { userInfo } from 'node:os';
import { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { openDatabase } from '../../core/db/database.ts';
import { createLogger } from '../../core/logger.ts';
import { purgeDismissed, type PurgeResult } from '../../retention/purge.ts';
import { UsageError } from '../process-lifecycle.ts';

function describe(r: PurgeResult): string {
  const posts = `${r.posts} post${r.posts === 1 ? '' : 's'} dismissed before ${r.cutoff.toISOString()} (retention ${r.days} days)`;
  const head = r.dryRun
    ? `dry run: ${posts} would have text and author purged; nothing changed`
    : `purged text and author of ${posts} in ${r.batches} batch${r.batches === 1 ? '' : 'es'}`;
  const lines = Object.entries(r.byPlatform).map(([p, n]) => `  ${p.padEnd(12)} ${n}`);
  return [head, ...lines].join('\n') + '\n';
}

/** `tidewatch purge [--dry-run]`: retention for dismissed posts (see retention/purge.ts). */
export function purgeCommand() {
  return new Command('purge')
    .description('blank the text and author of posts dismissed more than RETENTION_DISMISSED_DAYS ago (counts and figures are kept)')
    .option('--dry-run', 'print what would be purged and change nothing')
    .option('--batch-size <n>', 'posts per transaction', '500')
    .action(async (opts: { dryRun?: boolean; batchSize: string }) => {
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
        throw new UsageError(`--batch-size: "${opts.batchSize}" must be a whole number from 1 to 10000`);
      const config = loadConfig();
      const database = await openDatabase(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), { migrate: true });
      try {
        const result = await purgeDismissed(database.db, {
          days: config.retention.dismissedDays,
          dryRun: opts.dryRun ?? false,
          batchSize,
          actor: `cli:${userInfo().username}`,
        });
        process.stdout.write(describe(result));
      } finally {
        await database.close();
      }
    });
}
