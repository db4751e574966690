import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { startRuntime } from '../runtime.ts';
import { formatFileErrors, ingestFile } from '../ingest-file.ts';
import { UsageError } from '../process-lifecycle.ts';

export function ingestCommand() {
  return new Command('ingest')
    .description('queue posts from a JSONL or CSV file for the pipeline (workers do the rest)')
    .argument('<file>', 'a .jsonl/.ndjson file (one post per line) or a .csv file with a header row')
    .option('--no-progress', 'no progress bar')
    .action(async (file: string, opts: { progress: boolean }) => {
      if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
      const config = loadConfig();
      const rt = await startRuntime(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
      try {
        const res = await ingestFile(rt, file, { progress: opts.progress && process.stderr.isTTY === true });
        process.stdout.write(`queued ${res.queued} posts (${res.postIds.length} distinct) from ${file}\n`);
        if (res.errors.length) {
          process.stdout.write(`rejected ${res.errors.length} record problem(s):\n${formatFileErrors(res.errors)}\n`);
          process.exitCode = 1;
        }
      } finally {
        await rt.close();
      }
    });
}
