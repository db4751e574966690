import { Command } from 'commander';
import { foldStats } from '../../analytics/rollup/fold.ts';
import { rebuildStats } from '../../analytics/rollup/rebuild.ts';
import { loadConfig } from '../../core/config.ts';
import { openDatabase } from '../../core/db/database.ts';
import { createLogger } from '../../core/logger.ts';
import { UsageError } from '../process-lifecycle.ts';

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), { migrate: true });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

/** `tidewatch stats rebuild | fold`: the analytics rollups (analytics/rollup/). */
export function statsCommand() {
  const cmd = new Command('stats').description('the analytics rollups behind GET /v1/stats and /analytics');
  cmd
    .command('rebuild')
    .description('recompute every rollup from the records (folds wait meanwhile; /analytics waits for the end)')
    .action(() =>
      withDb(async (db) => {
        const r = await rebuildStats(db, { log: (m) => process.stderr.write(`${m}\n`) });
        process.stdout.write(
          `rebuilt the rollups from ${r.posts.toLocaleString('en')} posts: ${r.facts.toLocaleString('en')} facts, ${r.cells.toLocaleString('en')} cells, in ${r.seconds.toFixed(1)} s\n`,
        );
      }),
    );
  cmd
    .command('fold')
    .description('fold every change the workers have not folded yet, now')
    .option('--batch-posts <n>', 'posts per transaction', '2000')
    .action((opts: { batchPosts: string }) =>
      withDb(async (db) => {
        const batchPosts = Number(opts.batchPosts);
        if (!Number.isInteger(batchPosts) || batchPosts < 1 || batchPosts > 100_000)
          throw new UsageError(`--batch-posts: "${opts.batchPosts}" must be a whole number from 1 to 100000`);
        const r = await foldStats(db, { wait: true, batchPosts });
        process.stdout.write(
          r.busy ? 'another process is folding; nothing done\n' : `folded ${r.posts.toLocaleString('en')} posts in ${r.batches} batches\n`,
        );
      }),
    );
  return cmd;
}
