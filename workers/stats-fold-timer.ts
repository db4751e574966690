/**
 * Folds changed posts into the analytics rollups every `config.statsFoldEveryMs` in each worker
 * process; the fold's own advisory lock lets one process fold at a time, the others skip the tick.
 * A timer rather than a job, for the reason recover-pending.ts gives.
 */
import { foldStats } from '../analytics/rollup/fold.ts';
import type { PipelineContext } from './pipeline-context.ts';

export class StatsFoldTimer {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(private readonly ctx: PipelineContext) {}

  start(): void {
    const every = this.ctx.config.statsFoldEveryMs;
    if (every <= 0 || this.#timer) return;
    this.#timer = setInterval(() => {
      this.#running ??= this.#tick().finally(() => (this.#running = undefined));
    }, every);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a fold in progress (its current batch commits or rolls back). */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
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
