/**
 * A task a worker process runs every so often beside its jobs (the recovery sweep, the stats
 * fold): at most one run at a time, unref'd so it never keeps the process alive, and a stop that
 * waits for the run in progress.
 */
export class IntervalTask {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  /** `run` must not throw (it logs its own failures; the next interval tries again). */
  constructor(
    private readonly everyMs: number,
    private readonly run: () => Promise<void>,
  ) {}

  /** Starts the timer (`everyMs` ≤ 0: never). */
  start(): void {
    if (this.everyMs <= 0 || this.#timer) return;
    this.#timer = setInterval(() => {
      this.#running ??= this.run().finally(() => (this.#running = undefined));
    }, this.everyMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
