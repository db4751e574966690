/**
 * Where the time of a latency benchmark went, beyond CPU seconds: how long each process waited for
 * a CPU (run-queue time from /proc/<pid>/schedstat, so starvation by other work on the machine
 * shows), and what this database's busy backends were doing, sampled from pg_stat_activity (on a
 * CPU, or waiting on a lock, on WAL flushes, on the client...).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { ADMIN_URL } from './bench-env.ts';

/** [seconds on a CPU, seconds waiting in the run queue] of a process's main thread; undefined once gone. */
function schedSeconds(pid: number): [number, number] | undefined {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    return [run! / 1e9, wait! / 1e9];
  } catch {
    return undefined;
  }
}

/** Run-queue seconds of groups of processes (main threads) between start() and stop(). */
export class RunQueueMeter {
  readonly #groups: Record<string, () => number[]>;
  #start = new Map<number, [number, number]>();

  constructor(groups: Record<string, () => number[]>) {
    this.#groups = groups;
  }

  start(): void {
    this.#start = new Map();
    for (const pids of Object.values(this.#groups)) for (const pid of pids()) this.#start.set(pid, schedSeconds(pid) ?? [0, 0]);
  }

  /** Per group: seconds run and seconds waited for a CPU since start(). */
  stop(): Record<string, { runSeconds: number; waitSeconds: number }> {
    const out: Record<string, { runSeconds: number; waitSeconds: number }> = {};
    for (const [name, pids] of Object.entries(this.#groups)) {
      const sum = { runSeconds: 0, waitSeconds: 0 };
      for (const pid of pids()) {
        const [r0, w0] = this.#start.get(pid) ?? [0, 0];
        const [r1, w1] = schedSeconds(pid) ?? [r0, w0];
        sum.runSeconds += Math.max(0, r1 - r0);
        sum.waitSeconds += Math.max(0, w1 - w0);
      }
      out[name] = sum;
    }
    return out;
  }
}

export interface BackendProfile {
  samples: number;
  /** Mean number of this database's backends not idle. */
  meanBusy: number;
  /** Share of busy-backend samples per activity: "CPU" (active, no wait event) or "<type>:<event>", most common first. */
  activity: Record<string, number>;
}

/** Samples pg_stat_activity of one database every `intervalMs`. */
export class BackendSampler {
  readonly #db: string;
  readonly #intervalMs: number;
  readonly #counts = new Map<string, number>();
  #client: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #samples = 0;
  #busy = 0;
  #inFlight = false;

  constructor(db: string, intervalMs = 100) {
    this.#db = db;
    this.#intervalMs = intervalMs;
  }

  async start(): Promise<void> {
    this.#client = new pg.Client({ connectionString: ADMIN_URL });
    await this.#client.connect();
    this.#timer = setInterval(() => void this.#sample(), this.#intervalMs);
  }

  async #sample(): Promise<void> {
    if (this.#inFlight || !this.#client) return;
    this.#inFlight = true;
    try {
      const { rows } = await this.#client.query<{ state: string; t: string | null; e: string | null }>(
        `SELECT state, wait_event_type AS t, wait_event AS e FROM pg_stat_activity
         WHERE datname = $1 AND backend_type = 'client backend' AND state <> 'idle'`,
        [this.#db],
      );
      this.#samples++;
      for (const r of rows) {
        this.#busy++;
        const k = r.state === 'active' ? (r.t ? `${r.t}:${r.e}` : 'CPU') : `${r.state}${r.t ? ` (${r.t}:${r.e})` : ''}`;
        this.#counts.set(k, (this.#counts.get(k) ?? 0) + 1);
      }
    } catch {
      // A sample lost to a busy server is only a sample.
    } finally {
      this.#inFlight = false;
    }
  }

  async stop(): Promise<BackendProfile> {
    clearInterval(this.#timer);
    while (this.#inFlight) await new Promise((r) => setTimeout(r, 10));
    await this.#client?.end();
    const activity = Object.fromEntries(
      [...this.#counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, Math.round((1000 * n) / Math.max(this.#busy, 1)) / 10]),
    );
    return { samples: this.#samples, meanBusy: this.#busy / Math.max(this.#samples, 1), activity };
  }
}
