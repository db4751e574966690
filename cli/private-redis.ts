/**
 * Finds a Redis for the demo: REDIS_URL if given, else a private `redis-server` started on a free
 * port (nothing persisted), else the default local one if it answers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from '../core/free-port.ts';
import { createRedis } from '../core/queues.ts';
import { UsageError } from './process-lifecycle.ts';

export { freePort };

export interface RedisChoice {
  url: string;
  /** Set when the demo started its own server. */
  child?: ChildProcess;
  stop(): Promise<void>;
}

/** Whether a Redis server (or cluster) answers PING at `url` (one try, no retries). */
export async function answers(url: string): Promise<boolean> {
  const r = createRedis(url, { probe: true });
  r.on('error', () => undefined); // a refused probe is an answer, not a crash
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

const HOW_TO_GET_REDIS = `Tidewatch needs Redis for its queues, and none was found.
  - Debian/Ubuntu: sudo apt-get install redis-server   (then run the demo again)
  - macOS:         brew install redis
  - Docker:        docker compose up -d redis   (then REDIS_URL=redis://127.0.0.1:6379 npm run demo)
  - or point REDIS_URL at a Redis you have.`;

export async function chooseRedis(explicitUrl: string | undefined, defaultUrl: string): Promise<RedisChoice> {
  if (explicitUrl) {
    if (!(await answers(explicitUrl))) throw new UsageError(`REDIS_URL does not answer.\n${HOW_TO_GET_REDIS}`);
    return { url: explicitUrl, stop: async () => undefined };
  }
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0) {
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const url = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 50 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 100));
    if (!(await answers(url))) {
      child.kill();
      throw new UsageError(`started redis-server on port ${port} but it does not answer`);
    }
    return {
      url,
      child,
      stop: () =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  }
  if (await answers(defaultUrl)) return { url: defaultUrl, stop: async () => undefined };
  throw new UsageError(HOW_TO_GET_REDIS);
}
