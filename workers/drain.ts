import type { Queues } from '../core/jobs.ts';

const BUSY_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

/** Jobs not yet finished on the given queues. */
export async function outstandingJobs(queues: Queues, names: readonly (keyof Queues)[] = ['ingest', 'classify']): Promise<number> {
  const counts = await Promise.all(names.map((n) => queues[n].getJobCounts(...BUSY_STATES)));
  return counts.reduce((sum, c) => sum + BUSY_STATES.reduce((s, k) => s + (c[k] ?? 0), 0), 0);
}

/**
 * Resolves once the queues are empty and `done()` agrees (e.g. no post left pending), polling
 * every `intervalMs`; rejects after `timeoutMs`.
 */
export async function waitForDrain(
  queues: Queues,
  opts: {
    /** Queues that must be empty (default ingest and classify). */
    names?: readonly (keyof Queues)[];
    done?: () => Promise<boolean>;
    onTick?: () => Promise<void> | void;
    intervalMs?: number;
    timeoutMs?: number;
  } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    await opts.onTick?.();
    if ((await outstandingJobs(queues, opts.names)) === 0 && (!opts.done || (await opts.done()))) return;
    if (Date.now() > deadline) throw new Error(`pipeline did not drain within ${opts.timeoutMs ?? 120_000} ms`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100));
  }
}
