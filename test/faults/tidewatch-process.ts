/**
 * The `tidewatch` CLI as a separate OS process, the way it runs in production, with its output
 * readable while it runs: a test can wait for a log line, SIGKILL it (no shutdown hooks, no lock
 * release) and start another.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import path from 'node:path';
import { cliEnv, ROOT } from '../cli.ts';

export class TidewatchProcess {
  /** stdout and stderr so far (pino JSON lines and the command's own output). */
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly #child: ChildProcess;

  constructor(
    readonly args: string[],
    env: Record<string, string>,
  ) {
    this.#child = spawn(process.execPath, [path.join(ROOT, 'bin/tidewatch.mjs'), ...args], {
      cwd: ROOT,
      env: cliEnv('info', env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child.stdout!.on('data', (d) => (this.output += d));
    this.#child.stderr!.on('data', (d) => (this.output += d));
    this.exited = new Promise((resolve) => this.#child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Starts `tidewatch worker --queues …` and resolves once it logged that its workers run. */
  static async worker(queues: string, env: Record<string, string>): Promise<TidewatchProcess> {
    const w = new TidewatchProcess(['worker', '--queues', queues], env);
    await w.waitFor('workers running');
    return w;
  }

  /** Resolves once `text` appears in the output; throws if the process exits first or after `timeoutMs`. */
  async waitFor(text: string, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (!this.alive) throw new Error(`tidewatch ${this.args.join(' ')} exited before printing "${text}":\n${this.output}`);
      if (Date.now() > deadline) {
        this.#child.kill('SIGKILL');
        throw new Error(`tidewatch ${this.args.join(' ')} did not print "${text}" within ${timeoutMs} ms:\n${this.output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** BullMQ's `processedBy` of the jobs this process ran (workers/worker-pool.ts WORKER_NAME). */
  get workerName(): string {
    return `${hostname()}:${this.#child.pid}`;
  }

  get alive(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Log lines (pino JSON) whose `msg` is `msg`. */
  logLines(msg: string): Record<string, unknown>[] {
    return this.output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          return {};
        }
      })
      .filter((l) => l.msg === msg);
  }

  /** SIGKILL: the process gets no chance to finish or release anything, as in a crash or OOM kill. */
  async crash(): Promise<void> {
    this.#child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, the graceful stop; SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    if (!this.alive) return;
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), graceMs);
    this.#child.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }
}
