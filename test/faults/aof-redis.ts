/**
 * A private `redis-server` with the append-only file on and fsynced on every write
 * (`--appendfsync always`), which a test may shut down, kill and start again on the same port and
 * data directory, as an operator's restart or a crash would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { answers, freePort } from '../../cli/private-redis.ts';

export class AofRedis {
  #child: ChildProcess | undefined;
  /** Times the server was started (1 after `start`). */
  starts = 0;

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(dir: string): Promise<AofRedis> {
    const r = new AofRedis(await freePort(), dir);
    await r.restart();
    return r;
  }

  /** Starts the server (again) on the same port and directory; it replays the append-only file. */
  async restart(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
      ],
      { stdio: 'ignore' },
    );
    this.#child = child;
    for (let i = 0; i < 100; i++) {
      if (await answers(this.url)) {
        this.starts += 1;
        return;
      }
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`redis-server on port ${this.port} did not answer`);
  }

  /** SIGTERM: Redis's own graceful shutdown, which flushes the append-only file. */
  shutdown(): Promise<void> {
    return this.#stop('SIGTERM');
  }

  /** SIGKILL: nothing flushed on the way out; `appendfsync always` must have written every acknowledged write. */
  crash(): Promise<void> {
    return this.#stop('SIGKILL');
  }

  #stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  async stop(): Promise<void> {
    await this.shutdown();
  }
}
