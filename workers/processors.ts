/** How a queue's worker turns a job into a call: dispatch on the job's name, and the attempt it is on. */
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobName, JobPayloads, JobsOn, QueueName } from '../core/jobs.ts';
import type { Attempt } from '../referrals/delivery-attempt.ts';

export type Handler = (job: Job) => Promise<unknown>;

/** A queue's processors, one per job name that travels on it (BullMQ's named-processor pattern). */
export type Processors<Q extends QueueName> = { [N in JobsOn<Q>]: (job: Job<JobPayloads[N]>) => Promise<unknown> };

/** Dispatches on `job.name`; a name the queue does not carry fails the job for good (retrying cannot help). */
export function byJobName<Q extends QueueName>(queue: Q, processors: Processors<Q>): Handler {
  const table = processors as unknown as Partial<Record<JobName, Handler>>;
  return async (job) => {
    const run = Object.hasOwn(table, job.name) ? table[job.name as JobName] : undefined;
    if (!run) {
      throw new UnrecoverableError(`queue ${queue} has no processor for job "${job.name}" (expected ${Object.keys(table).join(', ')})`);
    }
    return run(job);
  };
}

/** Which attempt a job is on, and whether the queue tries again if it fails. */
export const attemptOf = (job: Job): Attempt => ({ number: job.attemptsMade + 1, last: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
