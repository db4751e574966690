import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { openDatabase } from '../../core/db/database.ts';
import { createLogger } from '../../core/logger.ts';
import { labelledPosts } from '../../review/export-labels.ts';
import { UsageError } from '../process-lifecycle.ts';

/** `--since DATE` (ISO 8601) as a Date; undefined when not given. */
export function parseSince(given: string | undefined): Date | undefined {
  if (given === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(given) || Number.isNaN(Date.parse(given))) {
    throw new UsageError(`--since: "${given}" is not a date; use ISO 8601 such as 2026-11-01`);
  }
  return new Date(given);
}

/** Reviewer decisions out as labelled JSONL, the feedback loop into `tidewatch train --extra`. */
export function exportLabelsCommand() {
  return new Command('export-labels')
    .description('write confirmed (label 1) and rejected (label 0) posts as JSONL {id, text, label, lang} for `tidewatch train --extra`')
    .option('--since <date>', 'only decisions made at or after this date (ISO 8601, e.g. 2026-11-01)')
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (opts: { since?: string; output?: string }) => {
      const since = parseSince(opts.since);
      const config = loadConfig();
      const database = await openDatabase(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), { migrate: true });
      const out = opts.output ? createWriteStream(opts.output) : process.stdout;
      const counts = { 0: 0, 1: 0 };
      try {
        for await (const row of labelledPosts(database.db, { since })) {
          counts[row.label] += 1;
          if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
        }
      } finally {
        if (opts.output)
          await new Promise<void>((resolve, reject) =>
            (out as ReturnType<typeof createWriteStream>).end((err?: Error | null) => (err ? reject(err) : resolve())),
          );
        await database.close();
      }
      process.stderr.write(
        `exported ${counts[1] + counts[0]} labels (${counts[1]} confirmed, ${counts[0]} rejected)${opts.output ? ` to ${opts.output}` : ''}\n`,
      );
    });
}
