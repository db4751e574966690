/**
 * Folds changed posts into the analytics rollups every `config.statsFoldEveryMs` in each worker
 * process; the fold's own advisory lock lets one process fold at a time, the others skip the tick.
 * A timer rather than a job, for the reason recover-pending.ts gives.
 */
import { foldStats } from '../analytics/rollup/fold.ts';
import { IntervalTask } from './interval-task.ts';
import type { PipelineContext } from './pipeline-context.ts';

export class StatsFoldTimer {
  readonly #task: IntervalTask;

  constructor(private readonly ctx: PipelineContext) {
    this.#task = new IntervalTask(ctx.config.statsFoldEveryMs, () => this.#tick());
  }

  start(): void {
    this.#task.start();
  }

  /** Stops the timer and waits for a fold in progress (its current batch commits or rolls back). */
  stop(): Promise<void> {
    return this.#task.stop();
  }

  async #tick(): Promise<void> {
    try {
      // A few batches a tick, so stopping never waits long behind a large backlog.
      await foldStats(this.ctx.db, { maxBatches: 5 });
    } catch (err) {
      this.ctx.log.warn({ err: (err as Error).message }, 'stats fold failed; retrying next interval');
    }
  }
}
