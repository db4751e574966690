/**
 * Follows `GET /v1/review/items?sort=oldest` as new items arrive, recording when each post's item
 * was first seen (performance.now() when the page arrived). The listing has no newest-first order,
 * so the tail keeps an anchor cursor and re-reads from it at each poll: every page from the anchor
 * to the end. The anchor only moves past items created more than `lagMs` before the poll began,
 * because an item's `createdAt` is taken before its transaction commits, so an item may commit
 * behind one already read; the caller counts from the database what the tail still missed.
 */

export interface TailOptions {
  base: string;
  key: string;
  /** Time from one poll's start to the next (a poll slower than that starts the next at once). */
  intervalMs: number;
  /** How far behind the newest item read the anchor stays, ms of createdAt. */
  lagMs: number;
}

export interface TailStats {
  polls: number;
  requests: number;
  /** Mean time from one poll's start to the next, and mean duration of one poll (all its pages), ms. */
  meanCycleMs: number;
  meanPollMs: number;
  maxPollMs: number;
  errors: number;
}

interface Page {
  items: { post: { id: string }; createdAt: string }[];
  nextCursor: string | null;
}

export class ReviewTail {
  /** Post id → performance.now() of the first page that held its item. */
  readonly seenAt = new Map<string, number>();
  readonly #opts: TailOptions;
  #anchor: string | undefined;
  #running = false;
  #loop: Promise<void> | undefined;
  #polls = 0;
  #requests = 0;
  #pollMsSum = 0;
  #pollMsMax = 0;
  #errors = 0;
  #firstStart = 0;
  #lastStart = 0;
  #cycles = 0;

  constructor(opts: TailOptions) {
    this.#opts = opts;
  }

  async #page(cursor: string | undefined): Promise<Page> {
    const q = `sort=oldest&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    this.#requests++;
    const res = await fetch(`${this.#opts.base}/v1/review/items?${q}`, { headers: { authorization: `Bearer ${this.#opts.key}` } });
    if (res.status !== 200) throw new Error(`GET /v1/review/items: ${res.status} ${await res.text()}`);
    return (await res.json()) as Page;
  }

  /** One poll: every page from the anchor on; moves the anchor. */
  async poll(): Promise<void> {
    const started = performance.now();
    let cursor = this.#anchor;
    for (;;) {
      // Judged per page: a slow poll must not hold the anchor back, or each poll reads more.
      const settledBefore = Date.now() - this.#opts.lagMs;
      const page = await this.#page(cursor);
      const at = performance.now();
      for (const item of page.items) if (!this.seenAt.has(item.post.id)) this.seenAt.set(item.post.id, at);
      const last = page.items.at(-1);
      if (!page.nextCursor || !last) break;
      if (Date.parse(last.createdAt) < settledBefore) this.#anchor = page.nextCursor;
      cursor = page.nextCursor;
    }
    this.#polls++;
    this.#pollMsSum += performance.now() - started;
    this.#pollMsMax = Math.max(this.#pollMsMax, performance.now() - started);
  }

  start(): void {
    this.#running = true;
    // The figures are of the running tail, not of the polls that caught up before it.
    this.#polls = this.#requests = this.#pollMsSum = this.#pollMsMax = this.#errors = 0;
    this.#firstStart = performance.now();
    this.#loop = (async () => {
      while (this.#running) {
        const started = performance.now();
        if (this.#lastStart) this.#cycles++;
        this.#lastStart = started;
        try {
          await this.poll();
        } catch (err) {
          this.#errors++;
          if (this.#errors <= 3) console.error(`review tail: ${(err as Error).message}`);
        }
        const wait = started + this.#opts.intervalMs - performance.now();
        if (wait > 0 && this.#running) await new Promise((r) => setTimeout(r, wait));
      }
    })();
  }

  async stop(): Promise<TailStats> {
    this.#running = false;
    await this.#loop;
    return {
      polls: this.#polls,
      requests: this.#requests,
      meanCycleMs: (this.#lastStart - this.#firstStart) / Math.max(this.#cycles, 1),
      meanPollMs: this.#pollMsSum / Math.max(this.#polls, 1),
      maxPollMs: this.#pollMsMax,
      errors: this.#errors,
    };
  }
}
