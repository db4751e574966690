import { Command } from 'commander';
import { loadConfig, placeholderSenderProblem } from '../../core/config.ts';
import { StartError } from '../../core/start-error.ts';
import { createLogger } from '../../core/logger.ts';
import { startRuntime } from '../runtime.ts';
import { QUEUE_NAMES, type QueueName } from '../../core/jobs.ts';
import { closeOnSignals, UsageError } from '../process-lifecycle.ts';

export function parseQueues(list: string): QueueName[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(QUEUE_NAMES as readonly string[]).includes(n));
  if (unknown.length || !names.length) {
    throw new UsageError(`--queues: unknown queue(s) ${unknown.join(', ') || '(none given)'}; choose from ${QUEUE_NAMES.join(', ')}`);
  }
  return names as QueueName[];
}

export function workerCommand() {
  return new Command('worker')
    .description('run pipeline workers (any number of processes may share one Redis and one Postgres)')
    .option('--queues <list>', `comma-separated queues to consume (${QUEUE_NAMES.join(',')})`, QUEUE_NAMES.join(','))
    .action(async (opts: { queues: string }) => {
      const queues = parseQueues(opts.queues);
      const config = loadConfig();
      // A worker that delivers notices fails at start, not on the first referral, when the sender is the placeholder.
      const sender = queues.includes('refer') ? placeholderSenderProblem(config.notice) : null;
      if (sender) throw new StartError(sender);
      const log = createLogger(config.logLevel, 'tidewatch-worker');
      const rt = await startRuntime(config, log, { workers: queues });
      log.info({ queues }, 'workers running');
      closeOnSignals(rt);
    });
}
